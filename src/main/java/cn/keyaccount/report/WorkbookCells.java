package cn.keyaccount.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cells, styles, print set-up, charts and logo of the energy-audit workbook, shared by its sheets
 * ({@link EnergyAuditSheets}): the cell styles are read from the template's "{@value EnergyAuditWorkbook#STYLES_SHEET}"
 * sheet, which is then removed.
 */
abstract class WorkbookCells {
    final XSSFWorkbook wb;
    final ReportContent c;
    private final byte[] logo;
    final Map<String, CellStyle> styles = new HashMap<>();
    private static final int LOGO_HEIGHT_PX = 64;

    WorkbookCells(XSSFWorkbook wb, ReportContent c, byte[] logo) {
        this.wb = wb;
        this.logo = logo;
        this.c = c;
        Sheet template = wb.getSheet(EnergyAuditWorkbook.STYLES_SHEET);
        if (template == null) {
            throw new IllegalStateException("Report template has no sheet '" + EnergyAuditWorkbook.STYLES_SHEET + "'");
        }
        for (Row r : template) {
            Cell name = r.getCell(0);
            Cell sample = r.getCell(1);
            if (name != null && sample != null) {
                styles.put(name.getStringCellValue().trim(), sample.getCellStyle());
            }
        }
        for (String s : EnergyAuditWorkbook.STYLE_NAMES) {
            if (!styles.containsKey(s)) {
                throw new IllegalStateException("Report template lacks the style '" + s + "'");
            }
        }
        wb.removeSheetAt(wb.getSheetIndex(template));
    }

    XSSFSheet sheet(String key) {
        return wb.createSheet(c.t(key));
    }

    Cell cell(Sheet s, int row, int col) {
        Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
        return r.getCell(col) == null ? r.createCell(col) : r.getCell(col);
    }

    void set(Sheet s, int row, int col, String value, String style) {
        Cell cell = cell(s, row, col);
        cell.setCellValue(value);
        cell.setCellStyle(styles.get(style));
    }

    void set(Sheet s, int row, int col, double value, String style) {
        Cell cell = cell(s, row, col);
        cell.setCellValue(value);
        cell.setCellStyle(styles.get(style));
    }

    void set(Sheet s, int row, int col, BigDecimal value, String style) {
        set(s, row, col, value == null ? 0 : value.doubleValue(), style);
    }

    /**
     * A money cell computed in the sheet from other cells (a total, a difference), carrying the amount the report
     * computed as its cached value, so that a reader that does not recalculate shows the same figure.
     */
    void formula(Sheet s, int row, int col, String formula, BigDecimal yuan) {
        Cell cell = cell(s, row, col);
        cell.setCellStyle(styles.get("money"));
        cell.setCellFormula(formula);
        ((org.apache.poi.xssf.usermodel.XSSFCell) cell).getCTCell().setV(yuan.toPlainString());
    }

    /** A header row of translated titles; returns the next row. */
    int header(Sheet s, int row, String... keys) {
        for (int i = 0; i < keys.length; i++) {
            set(s, row, i, c.t(keys[i]), "header");
        }
        return row + 1;
    }

    int figure(Sheet s, int row, String key, double value, String style, String unit) {
        set(s, row, 0, c.t(key), "label");
        set(s, row, 1, value, style);
        set(s, row, 2, unit, "text");
        return row + 1;
    }

    /** A figure in yuan: the amount to the cent, styled as money. */
    int figure(Sheet s, int row, String key, BigDecimal yuan, String unit) {
        set(s, row, 0, c.t(key), "label");
        set(s, row, 1, yuan, "money");
        set(s, row, 2, unit, "text");
        return row + 1;
    }

    static void widths(Sheet s, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            s.setColumnWidth(i, chars[i] * 256);
        }
    }

    static void freeze(Sheet s, int rows, int cols) {
        s.createFreezePane(cols, rows);
    }

    /** A4 landscape, one page wide, the header row repeated on every page. */
    static void print(Sheet s, int headerRow) {
        PrintSetup p = s.getPrintSetup();
        p.setPaperSize(PrintSetup.A4_PAPERSIZE);
        p.setLandscape(true);
        p.setFitWidth((short) 1);
        p.setFitHeight((short) 0);
        s.setFitToPage(true);
        s.setAutobreaks(true);
        s.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        s.getFooter().setCenter("&P / &N");
    }

    XSSFChart chart(XSSFSheet s, String titleKey, int col1, int row1, int col2, int row2) {
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(c.t(titleKey));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    /**
     * The logo at the top of a column, {@value #LOGO_HEIGHT_PX} px tall in its own proportions. Placed after the
     * sheet's column widths and row heights are set: its anchor is computed from them, and a column widened later
     * would stretch it.
     */
    void logo(XSSFSheet s, int col) {
        int picture = wb.addPicture(logo, Workbook.PICTURE_TYPE_PNG);
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFPicture p = drawing.createPicture(drawing.createAnchor(0, 0, 0, 0, col, 0, col + 1, 1), picture);
        long height = LOGO_HEIGHT_PX * Units.EMU_PER_PIXEL;
        long width = Math.round(height * p.getImageDimension().getWidth() / p.getImageDimension().getHeight());
        // down the rows from the top of the column until the logo's height is used up
        int row = 0;
        long left = height;
        while (left > rowEmu(s, row)) {
            left -= rowEmu(s, row++);
        }
        XSSFClientAnchor anchor = p.getClientAnchor();
        anchor.setCol2(col);
        anchor.setDx2(Math.toIntExact(width));
        anchor.setRow2(row);
        anchor.setDy2(Math.toIntExact(left));
        // the shape's own extent too: LibreOffice sizes the picture by it, and POI leaves it at the first anchor's
        var ext = p.getCTPicture().getSpPr().getXfrm().getExt();
        ext.setCx(width);
        ext.setCy(height);
    }

    private static long rowEmu(Sheet s, int row) {
        float points = s.getRow(row) == null ? s.getDefaultRowHeightInPoints() : s.getRow(row).getHeightInPoints();
        return Math.round(points * Units.EMU_PER_POINT);
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().map(v -> v == null ? BigDecimal.ZERO : v).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static long sumOf(Map<?, Long> whole) {
        return whole.values().stream().mapToLong(Long::longValue).sum();
    }
}
