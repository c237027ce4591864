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
 * What the Word template tools (EnergyReportTemplates, SupplyPlanDocxTemplate) share: a minimal DOCX package written
 * part by part (A4, a centred "label · 第 N 页" footer), the document defaults, the styles both templates define the
 * same way and a bordered table style. Launched with one of them: the source launcher (Java 22 or later) compiles
 * this file beside it.
 */
final class DocxTemplate {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String PAGE_BREAK = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    static final String HEADING_2 = """
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
            <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr>
            <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="26"/></w:rPr></w:style>""";
    static final String TABLE_HEADER = """
            <w:style w:type="paragraph" w:styleId="TableHeader"><w:name w:val="Table Header"/><w:basedOn w:val="Normal"/><w:qFormat/>
            <w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/></w:rPr></w:style>""";

    private DocxTemplate() {
    }

    static String paragraph(String style, String text) {
        return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" + text
                + "</w:t></w:r></w:p>";
    }

    /**
     * The styles part: document defaults and Normal, the given styles in order, then Normal Table and the table
     * style {@code tableId}: thin grey borders, bold first row on {@code headerFill} (RRGGBB).
     */
    static String styles(String tableId, String tableName, String headerFill, String... styles) {
        String border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"";
        return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:styles xmlns:w="%s">
                <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="宋体" w:cs="Times New Roman"/>
                <w:sz w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
                <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="320" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
                <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
                %s
                <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
                <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
                <w:style w:type="table" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr>
                <w:tblPr><w:tblBorders><w:top %6$s/><w:left %6$s/><w:bottom %6$s/><w:right %6$s/><w:insideH %6$s/><w:insideV %6$s/></w:tblBorders></w:tblPr>
                <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="%5$s"/></w:tcPr></w:tblStylePr>
                </w:style>
                </w:styles>""".formatted(W, String.join("\n", styles), tableId, tableName, headerFill, border);
    }

    /**
     * Writes the package: the body (paragraphs) on A4 pages, the styles part, the footer and, when {@code settings}
     * is not null, a settings part holding it (inner XML of w:settings).
     */
    static void write(Path target, CharSequence body, String styles, String footerLabel, String settings)
            throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
                <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
                """ + (settings == null ? "" : """
                <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
                """) + "</Types>");
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
                """ + (settings == null ? "" : """
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
                """) + "</Relationships>");
        parts.put("word/styles.xml", styles);
        if (settings != null) {
            parts.put("word/settings.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:settings xmlns:w="%s">%s</w:settings>""".formatted(W, settings));
        }
        parts.put("word/footer1.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:ftr xmlns:w="%s"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
                <w:r><w:t xml:space="preserve">%s · 第 </w:t></w:r>
                <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
                <w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>""".formatted(W, footerLabel));
        parts.put("word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <w:body>%s<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>
                <w:pgSz w:w="11906" w:h="16838"/>
                <w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="851" w:gutter="0"/>
                </w:sectPr></w:body></w:document>""".formatted(W, body));
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().strip().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
