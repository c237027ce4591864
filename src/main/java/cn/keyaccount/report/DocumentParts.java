package cn.keyaccount.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;

/**
 * The paragraphs, headings, captions and tables of the energy-audit document, written where the template's
 * {{content}} paragraph ({@link #anchor}) stands and styled by the template's named styles; the figures' formats.
 * Its chapters are {@link EnergyAuditChapters}.
 */
abstract class DocumentParts {
    final XWPFDocument doc;
    final ReportContent c;
    final List<String> headings = new ArrayList<>();
    XWPFParagraph anchor;

    DocumentParts(XWPFDocument doc, ReportContent c) {
        this.doc = doc;
        this.c = c;
    }

    /** Keeps the first run (and so its formatting) and drops the rest: Word may split a placeholder over runs. */
    static void setText(XWPFParagraph para, String text) {
        List<XWPFRun> runs = para.getRuns();
        for (int i = runs.size() - 1; i > 0; i--) {
            para.removeRun(i);
        }
        XWPFRun run = runs.isEmpty() ? para.createRun() : para.getRuns().getFirst();
        run.setText(text, 0);
    }

    XWPFParagraph before() {
        XmlCursor cursor = anchor.getCTP().newCursor();
        XWPFParagraph p = doc.insertNewParagraph(cursor);
        cursor.dispose();
        return p;
    }

    void heading(String key) {
        XWPFParagraph h = before();
        h.setStyle(EnergyAuditDocument.HEADING);
        String text = c.t(key);
        h.createRun().setText(text);
        headings.add(text);
    }

    void paragraph(String text) {
        before().createRun().setText(text);
    }

    void caption(String key) {
        XWPFParagraph p = before();
        p.setStyle(EnergyAuditDocument.CAPTION);
        p.createRun().setText(c.t("report.figure-caption", c.t(key)));
    }

    void table(List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            paragraph(c.t("report.none"));
            return;
        }
        XmlCursor cursor = anchor.getCTP().newCursor();
        XWPFTable table = doc.insertNewTbl(cursor);
        cursor.dispose();
        table.setStyleID(EnergyAuditDocument.TABLE);
        table.setWidth("100%");
        XWPFTableRow first = table.getRow(0);
        for (int i = 0; i < header.size(); i++) {
            XWPFTableCell cell = i == 0 ? first.getCell(0) == null ? first.addNewTableCell() : first.getCell(0)
                    : first.addNewTableCell();
            write(cell, header.get(i), EnergyAuditDocument.TABLE_HEADER);
        }
        first.setRepeatHeader(true);
        for (List<String> values : rows) {
            XWPFTableRow row = table.createRow();
            for (int i = 0; i < header.size(); i++) {
                write(row.getCell(i), i < values.size() ? values.get(i) : "", null);
            }
        }
        before();
    }

    static void write(XWPFTableCell cell, String text, String style) {
        XWPFParagraph para = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().getFirst();
        if (style != null) {
            para.setStyle(style);
        }
        para.createRun().setText(text == null ? "" : text);
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    static String whole(double d) {
        return String.format(Locale.ROOT, "%,d", Math.round(d));
    }

    static String money(BigDecimal yuan) {
        return String.format(Locale.ROOT, "%,.2f", yuan);
    }

    static String round2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    static String pct(double d) {
        return String.format(Locale.ROOT, "%.1f %%", d * 100);
    }
}
