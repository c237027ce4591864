package cn.keyaccount.report;

import cn.keyaccount.energy.IntervalSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The rows of the workbook's interval sheet as SpreadsheetML ({@code <row>} elements of {@code <sheetData>}), written
 * straight into the sheet's zip entry while the workbook is saved: a header row, then one row per quarter hour with its
 * start (an Excel date serial), kWh, kvarh and kW rounded to three decimals; a missing reading leaves its cells empty.
 * <p>
 * A year is 35,040 rows. POI's streaming rows (a cell object and a map entry per value, a temporary file, a writer call
 * per attribute) made them the larger part of a whole report's time. Here they are bytes in a buffer, and a cell
 * carries its reference ({@code r="C17"}, optional in SpreadsheetML: a cell without one follows the one before) only
 * after a cell left empty: the references were the part of the sheet that compressed worst (a year of metered data
 * zipped 0.87 MB with them, 0.47 MB without, deflated in two thirds of the time).
 */
final class IntervalRows {

    private static final byte[] ROW = ascii("<row r=\"");
    private static final byte[] ROW_END = ascii("\">");
    private static final byte[] ROW_CLOSE = ascii("</row>");
    private static final byte[] CELL_END = ascii("</v></c>");
    private static final byte[] REFERENCED_D = ascii("<c r=\"D");
    private static final byte[][] TIME_FRACTIONS = new byte[IntervalSeries.PER_DAY][];
    /** The longest row: four cells with references, 19-digit numbers. */
    private static final int MAX_ROW = 400;

    static {
        for (int k = 0; k < TIME_FRACTIONS.length; k++) {
            // ".010416666666666666" for 00:15: appended to the day's serial number
            TIME_FRACTIONS[k] = (k == 0 ? "" : Double.toString(k / (double) IntervalSeries.PER_DAY).substring(1))
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int used;

    private IntervalRows(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes the rows; the styles are cell style indexes (header, time, numbers), {@code date1904} the workbook's
     * date system.
     */
    static void write(OutputStream out, String[] titles, IntervalSeries series, int headerStyle, int timeStyle,
                      int numberStyle, boolean date1904) throws IOException {
        IntervalRows w = new IntervalRows(out);
        w.header(titles, headerStyle);
        byte[] timeCell = ascii("<c s=\"" + timeStyle + "\"><v>");
        byte[] numberCell = ascii("<c s=\"" + numberStyle + "\"><v>");
        byte[] numberStyleAttribute = ascii("\" s=\"" + numberStyle + "\"><v>");
        long dayZero = (date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30)).toEpochDay();
        long firstDay = series.start().toEpochDay() - dayZero;
        float[] kwh = series.kwh();
        float[] kvarh = series.kvarh();
        for (int i = 0; i < series.size(); i++) {
            if (w.used > w.buffer.length - MAX_ROW) {
                w.flush();
            }
            int row = i + 2;
            w.put(ROW);
            w.number(row);
            w.put(ROW_END);
            w.put(timeCell);
            w.number(firstDay + i / IntervalSeries.PER_DAY);
            w.put(TIME_FRACTIONS[i % IntervalSeries.PER_DAY]);
            w.put(CELL_END);
            if (!Float.isNaN(kwh[i])) {
                w.put(numberCell);
                w.decimal(kwh[i]);
                w.put(CELL_END);
                if (!Float.isNaN(kvarh[i])) {
                    w.put(numberCell);
                    w.decimal(kvarh[i]);
                    w.put(CELL_END);
                    w.put(numberCell);
                } else {
                    w.put(REFERENCED_D);
                    w.number(row);
                    w.put(numberStyleAttribute);
                }
                w.decimal(series.kw(i));
                w.put(CELL_END);
            }
            w.put(ROW_CLOSE);
        }
        w.flush();
    }

    private void header(String[] titles, int style) throws IOException {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        for (String title : titles) {
            row.append("<c s=\"").append(style).append("\" t=\"inlineStr\"><is><t>")
                    .append(title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                    .append("</t></is></c>");
        }
        out.write(row.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A value rounded to three decimals, trailing zeros left out ("12.5", "40"). */
    private void decimal(double v) {
        long thousandths = Math.round(v * 1000);
        if (thousandths < 0) {
            buffer[used++] = '-';
            thousandths = -thousandths;
        }
        number(thousandths / 1000);
        int fraction = (int) (thousandths % 1000);
        if (fraction != 0) {
            buffer[used++] = '.';
            buffer[used++] = (byte) ('0' + fraction / 100);
            if (fraction % 100 != 0) {
                buffer[used++] = (byte) ('0' + fraction / 10 % 10);
                if (fraction % 10 != 0) {
                    buffer[used++] = (byte) ('0' + fraction % 10);
                }
            }
        }
    }

    private void number(long n) {
        int d = digits.length;
        do {
            digits[--d] = (byte) ('0' + n % 10);
            n /= 10;
        } while (n > 0);
        int length = digits.length - d;
        System.arraycopy(digits, d, buffer, used, length);
        used += length;
    }

    private void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
