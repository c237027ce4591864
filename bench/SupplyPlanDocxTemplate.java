import java.io.IOException;
import java.nio.file.Path;

/**
 * Tool (not a benchmark): writes the starting version of reports/templates/supply-plan.docx, the Word template of
 * the supply-guarantee plan. Run once; afterwards the .docx is owned by whoever restyles it in Word or WPS (see
 * reports/README.md), and this program is only needed to start over (Java 22 or later, which compiles the shared
 * bench/DocxTemplate.java along):
 *   java bench/SupplyPlanDocxTemplate.java reports/templates/supply-plan.docx
 * The template defines the named styles the code fills with (Title, Subtitle, CoverLine, Heading1, Heading2, Normal,
 * TableHeader, PlanTable), the cover with {{placeholders}}, and a {{content}} paragraph where the sections go.
 */
public class SupplyPlanDocxTemplate {

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "reports/templates/supply-plan.docx");
        StringBuilder body = new StringBuilder();
        body.append(DocxTemplate.paragraph("Title", "{{title}}"));
        body.append(DocxTemplate.paragraph("Subtitle", "{{customer}}（户号 {{accountNo}}）"));
        body.append(DocxTemplate.paragraph("CoverLine", "保电事件：{{event}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "保电等级：{{level}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "保电时段：{{period}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "第 {{revision}} 版 · {{status}}"));
        body.append(DocxTemplate.paragraph("CoverLine", "编制：{{author}}　　导出日期：{{date}}"));
        body.append(DocxTemplate.PAGE_BREAK);
        body.append(DocxTemplate.paragraph("Normal", "{{content}}"));
        DocxTemplate.write(target, body, styles(), "保供电预案", null);
        System.out.println("wrote " + target);
    }

    private static String styles() {
        return DocxTemplate.styles("PlanTable", "Plan Table", "DDEBF7", """
                <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:before="2400" w:after="480"/><w:jc w:val="center"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="1F4E79"/><w:sz w:val="48"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="960"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="32"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="CoverLine"><w:name w:val="Cover Line"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="200"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:before="360" w:after="160"/><w:outlineLvl w:val="0"/></w:pPr>
                <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:color w:val="1F4E79"/><w:sz w:val="32"/></w:rPr></w:style>""",
                DocxTemplate.HEADING_2, DocxTemplate.TABLE_HEADER);
    }
}
