import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tool (not a benchmark): writes the starting versions of the energy-audit report templates into a folder
 * (reports/templates): energy-audit.xlsx (the "styles" sheet: column A names a style, column B carries it),
 * energy-audit.docx (named styles, cover with {{placeholders}} and {{logo}}, {{toc}} and {{content}}),
 * energy-audit.properties (chart colours) and logo.png. Afterwards the files belong to whoever restyles them
 * (reports/README.md); run this only to start over. POI comes from the packaged application; the Word parts both
 * template tools share are in bench/DocxTemplate.java (Java 22 or later compiles it along):
 *   ./mvnw -q -DskipTests package && java -cp "target/quarkus-app/lib/main/*" bench/EnergyReportTemplates.java reports/templates
 */
public class EnergyReportTemplates {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "reports/templates");
        Files.createDirectories(dir);
        workbook(dir.resolve("energy-audit.xlsx"));
        document(dir.resolve("energy-audit.docx"));
        Files.writeString(dir.resolve("energy-audit.properties"), """
                # Energy-audit report: chart series colours (RRGGBB), first series first; used by the XLSX and DOCX charts.
                # 能效诊断报告：图表系列颜色（十六进制 RRGGBB），依次用于第 1、2、3… 个系列。
                chart.colours=C00000,ED7D31,1F4E79,70AD47,5B9BD5
                """, StandardCharsets.UTF_8);
        logo(dir.resolve("logo.png"));
        System.out.println("wrote " + dir);
    }

    private static void workbook(Path target) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            Sheet s = wb.createSheet("styles");
            XSSFColor blue = new XSSFColor(new byte[] {0x1F, 0x4E, 0x79}, null);
            XSSFColor light = new XSSFColor(new byte[] {(byte) 0xDD, (byte) 0xEB, (byte) 0xF7}, null);
            Map<String, XSSFCellStyle> styles = new LinkedHashMap<>();
            styles.put("title", font(wb, wb.createCellStyle(), 18, true, blue));
            styles.put("subtitle", font(wb, wb.createCellStyle(), 13, true, null));
            XSSFCellStyle header = font(wb, bordered(wb.createCellStyle()), 10, true, null);
            header.setFillForegroundColor(light);
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            styles.put("header", header);
            styles.put("label", font(wb, bordered(wb.createCellStyle()), 10, true, null));
            styles.put("text", font(wb, bordered(wb.createCellStyle()), 10, false, null));
            styles.put("integer", numeric(wb, "#,##0"));
            styles.put("decimal", numeric(wb, "#,##0.00"));
            styles.put("money", numeric(wb, "¥#,##0.00"));
            styles.put("percent", numeric(wb, "0.0%"));
            styles.put("datetime", numeric(wb, "yyyy-mm-dd hh:mm"));
            Row note = s.createRow(0);
            note.createCell(0).setCellValue("样式名（勿改）Style name (keep)");
            note.createCell(1).setCellValue("样式示例：改字体、颜色、边框、数字格式 Sample: change font, colour, border, number format");
            int r = 1;
            for (Map.Entry<String, XSSFCellStyle> e : styles.entrySet()) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(e.getKey());
                var cell = row.createCell(1);
                cell.setCellStyle(e.getValue());
                switch (e.getKey()) {
                    case "integer", "decimal", "money" -> cell.setCellValue(12345.678);
                    case "percent" -> cell.setCellValue(0.456);
                    case "datetime" -> cell.setCellValue(java.time.LocalDateTime.of(2026, 10, 1, 8, 15));
                    default -> cell.setCellValue("能效诊断报告 Energy audit");
                }
            }
            s.setColumnWidth(0, 30 * 256);
            s.setColumnWidth(1, 60 * 256);
            wb.write(out);
        }
    }

    private static XSSFCellStyle bordered(XSSFCellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static XSSFCellStyle font(XSSFWorkbook wb, XSSFCellStyle style, int points, boolean bold, XSSFColor colour) {
        XSSFFont font = wb.createFont();
        font.setFontName("等线");
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        if (colour != null) {
            font.setColor(colour);
        }
        style.setFont(font);
        return style;
    }

    private static XSSFCellStyle numeric(XSSFWorkbook wb, String format) {
        XSSFCellStyle style = font(wb, bordered(wb.createCellStyle()), 10, false, null);
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        return style;
    }

    private static void logo(Path target) throws IOException {
        BufferedImage img = new BufferedImage(160, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x00, 0x6E, 0x6E));
        g.fillOval(4, 4, 152, 152);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(10));
        g.drawOval(30, 30, 100, 100);
        int[] xs = {92, 58, 82, 66, 104, 78};
        int[] ys = {36, 86, 86, 126, 70, 70};
        g.fillPolygon(xs, ys, xs.length);
        g.dispose();
        ImageIO.write(img, "png", target.toFile());
    }

    private static void document(Path target) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append(DocxTemplate.paragraph("CoverLine", "{{logo}}"));
        body.append(DocxTemplate.paragraph("Title", "{{title}}"));
        body.append(DocxTemplate.paragraph("Subtitle", "{{customer}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "户号 Account {{accountNo}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "报告期 Period {{period}}（{{range}}）"));
        body.append(DocxTemplate.paragraph("CoverLine", "第 {{issue}} 版 Issue · {{generatedBy}} · {{date}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "国网清河县供电公司 大客户服务中心"));
        body.append(DocxTemplate.PAGE_BREAK);
        body.append(DocxTemplate.paragraph("TOCHeading", "目录 Contents"));
        body.append(DocxTemplate.paragraph("Normal", "{{toc}}"));
        body.append(DocxTemplate.PAGE_BREAK);
        body.append(DocxTemplate.paragraph("Normal", "{{content}}"));
        // fields updated on opening: Word fills the table of contents
        DocxTemplate.write(target, body, styles(), "能效诊断报告",
                "<w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"420\"/>");
    }

    private static String styles() {
        return DocxTemplate.styles("ReportTable", "Report Table", "D9EDED", """
                <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:before="1200" w:after="480"/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="006E6E"/><w:sz w:val="52"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="720"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="34"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="CoverLine"><w:name w:val="Cover Line"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="200"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="26"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="006E6E"/><w:sz w:val="32"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:before="240" w:after="200"/><w:outlineLvl w:val="0"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="006E6E"/><w:sz w:val="32"/></w:rPr></w:style>""",
                DocxTemplate.HEADING_2, """
                <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:color w:val="595959"/><w:sz w:val="20"/></w:rPr></w:style>""",
                DocxTemplate.TABLE_HEADER);
    }
}
