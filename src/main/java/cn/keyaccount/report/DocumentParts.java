package cn.keyaccount.report;

import cn.keyaccount.base.Messages;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * The paragraphs, headings, captions and tables of a Word document filled into a template — the energy audit
 * ({@link EnergyAuditChapters}) and the supply scheme reply ({@link SupplySchemeDocument}) — written where the
 * template's {{content}} paragraph ({@link #anchor}) stands and styled by the template's named styles
 * ({@link Styles}); the head's {{placeholders}}; the figures' formats (money: {@link cn.keyaccount.base.Money}).
 */
abstract class DocumentParts {

    /** The template's style names: headings, tables, their header cells, captions. */
    record Styles(String heading, String table, String tableHeader, String caption) {
    }

    final XWPFDocument doc;
    final Locale locale;
    final Styles styles;
    final List<String> headings = new ArrayList<>();
    XWPFParagraph anchor;

    DocumentParts(XWPFDocument doc, Locale locale, Styles styles) {
        this.doc = doc;
        this.locale = locale;
        this.styles = styles;
    }

    String t(String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    /**
     * Replaces the {{placeholders}} of the template's paragraphs with their values and takes the {{content}}
     * paragraph as the anchor; a paragraph the caller handles itself ({@code special}, e.g. a logo or the table of
     * contents) is handed to it instead. Fails when the template has no {{content}}.
     */
    void placeholders(Map<String, String> values, java.util.function.Predicate<XWPFParagraph> special,
                      String template) {
        for (XWPFParagraph para : new ArrayList<>(doc.getParagraphs())) {
            String text = para.getText();
            if (text.contains("{{content}}")) {
                anchor = para;
            } else if (special.test(para)) {
                continue;
            } else if (text.contains("{{")) {
                String replaced = text;
                for (Map.Entry<String, String> v : values.entrySet()) {
                    replaced = replaced.replace("{{" + v.getKey() + "}}", v.getValue());
                }
                setText(para, replaced);
            }
        }
        if (anchor == null) {
            throw new IllegalStateException("Template has no {{content}} paragraph: " + template);
        }
    }

    /** Removes the {{content}} paragraph once everything stands before it. */
    void removeAnchor() {
        doc.removeBodyElement(doc.getPosOfParagraph(anchor));
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
        h.setStyle(styles.heading());
        String text = t(key);
        h.createRun().setText(text);
        headings.add(text);
    }

    /** A paragraph in the template's normal style; nothing for an empty text. */
    void paragraph(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        before().createRun().setText(text);
    }

    void caption(String key) {
        XWPFParagraph p = before();
        p.setStyle(styles.caption());
        p.createRun().setText(t("report.figure-caption", t(key)));
    }

    /**
     * A table in the template's table style, its columns as wide as their longest figure (a figure never wraps in
     * its cell; headers may), in a smaller type when the figures would not fit the page's width otherwise.
     */
    void table(List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            paragraph(t("report.none"));
            return;
        }
        XmlCursor cursor = anchor.getCTP().newCursor();
        XWPFTable table = doc.insertNewTbl(cursor);
        cursor.dispose();
        table.setStyleID(styles.table());
        Layout layout = Layout.of(header, rows, textWidth());
        table.setTableAlignment(TableRowAlign.CENTER);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setWidth(String.valueOf(layout.total()));
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : layout.widths()) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        XWPFTableRow first = table.getRow(0);
        for (int i = 0; i < header.size(); i++) {
            XWPFTableCell cell = i == 0 ? first.getCell(0) == null ? first.addNewTableCell() : first.getCell(0)
                    : first.addNewTableCell();
            write(cell, header.get(i), styles.tableHeader(), layout, i);
        }
        first.setRepeatHeader(true);
        for (List<String> values : rows) {
            XWPFTableRow row = table.createRow();
            for (int i = 0; i < header.size(); i++) {
                write(row.getCell(i), i < values.size() ? values.get(i) : "", null, layout, i);
            }
        }
        before();
    }

    private static void write(XWPFTableCell cell, String text, String style, Layout layout, int column) {
        XWPFParagraph para = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().getFirst();
        if (style != null) {
            para.setStyle(style);
        }
        cell.setWidthType(TableWidthType.DXA);
        cell.setWidth(String.valueOf(layout.widths()[column]));
        XWPFRun run = para.createRun();
        run.setText(text == null ? "" : text);
        if (layout.halfPoints() != Layout.NORMAL) {
            run.setFontSize(layout.halfPoints() / 2.0);
        }
        if (style == null && Layout.figure(text)) {
            para.setAlignment(ParagraphAlignment.RIGHT);
            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            if (!pr.isSetNoWrap()) {
                pr.addNewNoWrap();
            }
        }
    }

    /** The width the page leaves for text, in twips (A4 with 2.54 cm margins when the template sets no page). */
    private int textWidth() {
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        if (sect == null || sect.getPgSz() == null || sect.getPgMar() == null) {
            return 11906 - 2 * 1440;
        }
        return twips(sect.getPgSz().getW()) - twips(sect.getPgMar().getLeft()) - twips(sect.getPgMar().getRight());
    }

    private static int twips(Object measure) {
        return new BigDecimal(String.valueOf(measure)).intValue();
    }

    /**
     * The columns' widths in twips and the type size (half-points) of a table: each column as wide as its longest
     * cell (CJK characters count double), in the template's 10 pt when that fits the page, else 8 pt, and the room
     * that is left shared by the columns in proportion. A digit is taken as 0.63 em, as wide as in the broadest
     * common sans-serif fonts (DejaVu Sans, which LibreOffice falls back to), so that no viewer has to wrap a figure.
     */
    record Layout(int[] widths, int halfPoints, int total) {
        static final int NORMAL = 20;
        private static final int SMALL = 16;
        private static final int CELL_MARGINS = 2 * 108 + 40;
        private static final int DIGIT_PER_MILLE_EM = 630;

        static Layout of(List<String> header, List<List<String>> rows, int available) {
            int[] units = new int[header.size()];
            for (int i = 0; i < units.length; i++) {
                units[i] = Math.max(4, longestWord(header.get(i)));
                for (List<String> row : rows) {
                    if (i < row.size() && row.get(i) != null) {
                        units[i] = Math.max(units[i], figure(row.get(i)) ? halfWidths(row.get(i))
                                : Math.min(halfWidths(row.get(i)), 40));
                    }
                }
            }
            int size = natural(units, NORMAL) <= available ? NORMAL : SMALL;
            int needed = natural(units, size);
            int[] widths = new int[units.length];
            int spare = Math.max(0, available - needed);
            for (int i = 0; i < units.length; i++) {
                int own = width(units[i], size);
                widths[i] = own + (int) ((long) spare * own / needed);
            }
            return new Layout(widths, size, java.util.Arrays.stream(widths).sum());
        }

        /** A figure: digits with separators, a sign, a decimal point, a per cent sign or a unit after a space. */
        static boolean figure(String text) {
            return text != null && text.matches("[-+]?[0-9][0-9,.]*( ?%| kW| kWh)?");
        }

        private static int natural(int[] units, int halfPoints) {
            return java.util.Arrays.stream(units).map(u -> width(u, halfPoints)).sum();
        }

        /** Twips for so many half-width characters at a size in half-points (10 twips each) and the cell margins. */
        private static int width(int halfWidths, int halfPoints) {
            return halfWidths * halfPoints * 10 * DIGIT_PER_MILLE_EM / 1000 + CELL_MARGINS;
        }

        /** Half-widths of text: a CJK character is two, a Latin letter or digit one. */
        private static int halfWidths(String text) {
            return text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
        }

        private static int longestWord(String text) {
            int longest = 0;
            for (String word : text.split("[ （）()]")) {
                longest = Math.max(longest, halfWidths(word));
            }
            return Math.min(longest, 16);
        }
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    static String whole(double d) {
        return String.format(Locale.ROOT, "%,d", Math.round(d));
    }

    /** A capacity with one decimal and thousands separators, as the screens show it. */
    static String kva(BigDecimal kva) {
        return String.format(Locale.ROOT, "%,.1f", kva);
    }

    static String round2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    static String pct(double d) {
        return String.format(Locale.ROOT, "%.1f %%", d * 100);
    }
}
