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
 * A year is 35,040 rows; POI's streaming rows (a cell object and a map entry per value, a temporary file, a writer call
 * per attribute) made them the larger part of a whole report's time, this writes them in a tenth of it.
 */
final class IntervalRows {

    private static final String[] TIME_FRACTIONS = new String[IntervalSeries.PER_DAY];

    static {
        for (int k = 0; k < TIME_FRACTIONS.length; k++) {
            // ".010416666666666666" for 00:15: appended to the day's serial number
            TIME_FRACTIONS[k] = k == 0 ? "" : Double.toString(k / (double) IntervalSeries.PER_DAY).substring(1);
        }
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    private IntervalRows(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes the rows; {@code styles} are the cell style indexes of the header, the time and the numbers, {@code
     * date1904} the workbook's date system.
     */
    static void write(OutputStream out, String[] titles, IntervalSeries series, int headerStyle, int timeStyle,
                      int numberStyle, boolean date1904) throws IOException {
        IntervalRows w = new IntervalRows(out);
        w.ascii("<row r=\"1\">");
        for (int col = 0; col < titles.length; col++) {
            w.cellStart(col, 1, headerStyle);
            w.ascii(" t=\"inlineStr\"><is><t>");
            w.text(titles[col]);
            w.ascii("</t></is></c>");
        }
        w.ascii("</row>");
        long dayZero = (date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30)).toEpochDay();
        long firstDay = series.start().toEpochDay() - dayZero;
        float[] kwh = series.kwh();
        float[] kvarh = series.kvarh();
        for (int i = 0; i < series.size(); i++) {
            int r = i + 2;
            w.ascii("<row r=\"");
            w.number(r);
            w.ascii("\">");
            w.cellStart(0, r, timeStyle);
            w.ascii("><v>");
            w.number(firstDay + i / IntervalSeries.PER_DAY);
            w.ascii(TIME_FRACTIONS[i % IntervalSeries.PER_DAY]);
            w.ascii("</v></c>");
            if (series.present(i)) {
                w.value(1, r, numberStyle, kwh[i]);
                if (!Float.isNaN(kvarh[i])) {
                    w.value(2, r, numberStyle, kvarh[i]);
                }
                w.value(3, r, numberStyle, series.kw(i));
            }
            w.ascii("</row>");
        }
        w.flush();
    }

    private void cellStart(int col, int row, int style) throws IOException {
        ascii("<c r=\"");
        put((byte) ('A' + col));
        number(row);
        ascii("\" s=\"");
        number(style);
        put((byte) '"');
    }

    private void value(int col, int row, int style, double v) throws IOException {
        cellStart(col, row, style);
        ascii("><v>");
        long thousandths = Math.round(v * 1000);
        if (thousandths < 0) {
            put((byte) '-');
            thousandths = -thousandths;
        }
        number(thousandths / 1000);
        int fraction = (int) (thousandths % 1000);
        if (fraction != 0) {
            put((byte) '.');
            put((byte) ('0' + fraction / 100));
            if (fraction % 100 != 0) {
                put((byte) ('0' + fraction / 10 % 10));
                if (fraction % 10 != 0) {
                    put((byte) ('0' + fraction % 10));
                }
            }
        }
        ascii("</v></c>");
    }

    private void number(long n) throws IOException {
        if (n >= 10) {
            number(n / 10);
        }
        put((byte) ('0' + n % 10));
    }

    private void ascii(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    /** Text content, XML-escaped, in UTF-8. */
    private void text(String s) throws IOException {
        String escaped = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        for (byte b : escaped.getBytes(StandardCharsets.UTF_8)) {
            put(b);
        }
    }

    private void put(byte b) throws IOException {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = b;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }
}
