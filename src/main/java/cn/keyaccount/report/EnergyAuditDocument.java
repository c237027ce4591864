package cn.keyaccount.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The energy-audit report as a Word document, filled into reports/templates/energy-audit.docx: the cover's
 * {{placeholders}} (and {{logo}}) are replaced, a table-of-contents field goes where {{toc}} stands, and the chapters
 * — headings in style Heading1, tables in table style ReportTable with header cells in TableHeader, native Word
 * charts with captions in Caption — where {{content}} stands. Restyling the template restyles every report.
 */
@ApplicationScoped
class EnergyAuditDocument {

    static final String HEADING = "Heading1";
    static final String TABLE = "ReportTable";
    static final String TABLE_HEADER = "TableHeader";
    static final String CAPTION = "Caption";
    static final DocumentParts.Styles STYLES = new DocumentParts.Styles(HEADING, TABLE, TABLE_HEADER, CAPTION);

    private final ReportTemplates templates;

    EnergyAuditDocument(ReportTemplates templates) {
        this.templates = templates;
    }

    public void write(ReportContent c, OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(templates.read(ReportTemplates.DOCX)))) {
            new EnergyAuditChapters(doc, c, templates.chartColours(), templates.read(ReportTemplates.LOGO)).fill();
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("Report template unreadable", e);
        }
    }
}
