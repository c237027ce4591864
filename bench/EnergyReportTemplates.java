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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * (reports/README.md); run this only to start over. POI comes from the packaged application:
 *   ./mvnw -q -DskipTests package && java -cp "target/quarkus-app/lib/main/*" bench/EnergyReportTemplates.java reports/templates
 */
public class EnergyReportTemplates {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

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
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
                <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
                <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
                </Types>""");
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>""");
        parts.put("word/_rels/document.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
                </Relationships>""");
        parts.put("word/styles.xml", styles());
        parts.put("word/settings.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:settings xmlns:w="%s"><w:updateFields w:val="true"/><w:defaultTabStop w:val="420"/></w:settings>""".formatted(W));
        parts.put("word/footer1.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:ftr xmlns:w="%s"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
                <w:r><w:t xml:space="preserve">能效诊断报告 · 第 </w:t></w:r>
                <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
                <w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>""".formatted(W));
        StringBuilder body = new StringBuilder();
        body.append(paragraph("CoverLine", "{{logo}}"));
        body.append(paragraph("Title", "{{title}}"));
        body.append(paragraph("Subtitle", "{{customer}}"));
        body.append(paragraph("CoverLine", "户号 Account {{accountNo}}"));
        body.append(paragraph("CoverLine", "报告期 Period {{period}}（{{range}}）"));
        body.append(paragraph("CoverLine", "第 {{issue}} 版 Issue · {{generatedBy}} · {{date}}"));
        body.append(paragraph("CoverLine", "国网清河县供电公司 大客户服务中心"));
        body.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        body.append(paragraph("TOCHeading", "目录 Contents"));
        body.append(paragraph("Normal", "{{toc}}"));
        body.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        body.append(paragraph("Normal", "{{content}}"));
        parts.put("word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <w:body>%s<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>
                <w:pgSz w:w="11906" w:h="16838"/>
                <w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="851" w:gutter="0"/>
                </w:sectPr></w:body></w:document>""".formatted(W, body));
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().strip().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static String paragraph(String style, String text) {
        return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" + text
                + "</w:t></w:r></w:p>";
    }

    private static String styles() {
        String border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"";
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:styles xmlns:w="%s">
                <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="宋体" w:cs="Times New Roman"/>
                <w:sz w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
                <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="320" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
                <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
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
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="006E6E"/><w:sz w:val="32"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="26"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:color w:val="595959"/><w:sz w:val="20"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="TableHeader"><w:name w:val="Table Header"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/></w:rPr></w:style>
                <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
                <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
                <w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr>
                <w:tblPr><w:tblBorders><w:top %2$s/><w:left %2$s/><w:bottom %2$s/><w:right %2$s/><w:insideH %2$s/><w:insideV %2$s/></w:tblBorders></w:tblPr>
                <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9EDED"/></w:tcPr></w:tblStylePr>
                </w:style>
                </w:styles>""".formatted(W, border);
    }
}
