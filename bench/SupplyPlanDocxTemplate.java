import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Tool (not a benchmark): writes the starting version of reports/templates/supply-plan.docx, the Word template of
 * the supply-guarantee plan. Run once; afterwards the .docx is owned by whoever restyles it in Word or WPS (see
 * reports/README.md), and this program is only needed to start over:
 *   java bench/SupplyPlanDocxTemplate.java reports/templates/supply-plan.docx
 * The template defines the named styles the code fills with (Title, Subtitle, CoverLine, Heading1, Heading2, Normal,
 * TableHeader, PlanTable), the cover with {{placeholders}}, and a {{content}} paragraph where the sections go.
 */
public class SupplyPlanDocxTemplate {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "reports/templates/supply-plan.docx");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
                <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
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
                </Relationships>""");
        parts.put("word/styles.xml", styles());
        parts.put("word/footer1.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:ftr xmlns:w="%s"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
                <w:r><w:t xml:space="preserve">保供电预案 · 第 </w:t></w:r>
                <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
                <w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>""".formatted(W));
        parts.put("word/document.xml", document());
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().strip().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        System.out.println("wrote " + target);
    }

    private static String document() {
        StringBuilder body = new StringBuilder();
        body.append(paragraph("Title", "{{title}}"));
        body.append(paragraph("Subtitle", "{{customer}}（户号 {{accountNo}}）"));
        body.append(paragraph("CoverLine", "保电事件：{{event}}"));
        body.append(paragraph("CoverLine", "保电等级：{{level}}"));
        body.append(paragraph("CoverLine", "保电时段：{{period}}"));
        body.append(paragraph("CoverLine", "第 {{revision}} 版 · {{status}}"));
        body.append(paragraph("CoverLine", "编制：{{author}}　　导出日期：{{date}}"));
        body.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        body.append(paragraph("Normal", "{{content}}"));
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <w:body>%s<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>
                <w:pgSz w:w="11906" w:h="16838"/>
                <w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="851" w:gutter="0"/>
                </w:sectPr></w:body></w:document>""".formatted(W, body);
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
                <w:pPr><w:spacing w:before="2400" w:after="480"/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="1F4E79"/><w:sz w:val="48"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="960"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="32"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="CoverLine"><w:name w:val="Cover Line"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="200"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:before="360" w:after="160"/><w:outlineLvl w:val="0"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="1F4E79"/><w:sz w:val="32"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="26"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="TableHeader"><w:name w:val="Table Header"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/></w:rPr></w:style>
                <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
                <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
                <w:style w:type="table" w:styleId="PlanTable"><w:name w:val="Plan Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr>
                <w:tblPr><w:tblBorders><w:top %2$s/><w:left %2$s/><w:bottom %2$s/><w:right %2$s/><w:insideH %2$s/><w:insideV %2$s/></w:tblBorders></w:tblPr>
                <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DDEBF7"/></w:tcPr></w:tblStylePr>
                </w:style>
                </w:styles>""".formatted(W, border);
    }
}
