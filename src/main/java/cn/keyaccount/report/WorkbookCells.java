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
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
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

    void logo(XSSFSheet s) {
        int picture = wb.addPicture(logo, Workbook.PICTURE_TYPE_PNG);
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, 0, 4, 4);
        drawing.createPicture(anchor, picture).resize(1.0);
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().map(v -> v == null ? BigDecimal.ZERO : v).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static long sumOf(Map<?, Long> whole) {
        return whole.values().stream().mapToLong(Long::longValue).sum();
    }
}
