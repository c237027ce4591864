import java.io.IOException;
import java.nio.file.Path;

/**
 * Tool (not a benchmark): writes the starting version of reports/templates/supply-scheme.docx, the Word template of
 * the 供电方案答复单 (the answer to a connection or capacity-change application). Run once; afterwards the .docx is owned
 * by whoever restyles it in Word or WPS (see reports/README.md), and this program is only needed to start over
 * (Java 22 or later, which compiles the shared bench/DocxTemplate.java along):
 *   java bench/SupplySchemeDocxTemplate.java reports/templates/supply-scheme.docx
 * The template defines the named styles the code fills with (Title, Subtitle, CoverLine, Heading1, Normal,
 * TableHeader, SchemeTable), the head with {{placeholders}}, and a {{content}} paragraph where the sections go.
 */
public class SupplySchemeDocxTemplate {

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "reports/templates/supply-scheme.docx");
        StringBuilder body = new StringBuilder();
        body.append(DocxTemplate.paragraph("Title", "{{title}}"));
        body.append(DocxTemplate.paragraph("Subtitle", "{{customer}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "{{schemeLine}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "{{dateLine}}"));
        body.append(DocxTemplate.paragraph("Normal", "{{content}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "{{signature}}"));
        DocxTemplate.write(target, body, styles(), "供电方案答复单 Supply scheme", null);
        System.out.println("wrote " + target);
    }

    private static String styles() {
        return DocxTemplate.styles("SchemeTable", "Scheme Table", "DDEBF7", """
                <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="1F4E79"/><w:sz w:val="40"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="30"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="CoverLine"><w:name w:val="Cover Line"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="120"/><w:jc w:val="right"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:before="300" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="1F4E79"/><w:sz w:val="28"/></w:rPr></w:style>""",
                DocxTemplate.HEADING_2, DocxTemplate.TABLE_HEADER);
    }
}
