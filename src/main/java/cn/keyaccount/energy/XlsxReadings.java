package cn.keyaccount.energy;

import cn.keyaccount.base.SheetRows;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Readings from the first sheet of an XLSX export, streamed through {@link SheetRows} (POI's SAX reader with the
 * application's bounds): rows are handed on as the sheet's XML is parsed, never held as a workbook. Date cells are
 * passed on as ISO timestamps. A sheet holds at most Excel's 1,048,576 rows, and so may an import.
 */
final class XlsxReadings implements ReadingImporter.RowSource {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final InputStream in;

    XlsxReadings(InputStream in) {
        this.in = in;
    }

    @Override
    public void forEach(ReadingImporter.RowSink sink) throws IOException {
        CsvReadings.Columns[] columns = {null};
        try {
            SheetRows.read(in, SheetRows.EXCEL_MAX_ROWS, XlsxReadings::text, (rowNo, cells) -> {
                if (columns[0] == null) {
                    columns[0] = CsvReadings.Columns.of(cells);
                    if (columns[0].missing() != null) {
                        sink.problem(ImportReport.Kind.MISSING_COLUMN, rowNo, columns[0].missing());
                        throw new StopParsing();
                    }
                    return;
                }
                sink.accept(columns[0].row(rowNo, cells));
            });
        } catch (StopParsing stop) {
            // a missing column was reported
        }
    }

    /** A date cell's time as {@code uuuu-MM-dd HH:mm:ss}, written directly for the years 1000–9999. */
    static String text(LocalDateTime t) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return ISO.format(t);
        }
        char[] c = new char[19];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class StopParsing extends RuntimeException {
        StopParsing() {
            super(null, null, false, false);
        }
    }
}
