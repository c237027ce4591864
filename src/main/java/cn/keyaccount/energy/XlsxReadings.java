package cn.keyaccount.energy;

import cn.keyaccount.base.SheetCells;
import cn.keyaccount.base.SheetRows;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Readings from the first sheet of an XLSX export, streamed through {@link SheetCells} (a byte-level reader of the
 * sheet's XML with the application's bounds): rows are handed on as the sheet is unpacked, never held as a workbook.
 * A date cell's time is taken from its serial number without a date object; other cells as text, as before. A sheet
 * holds at most Excel's 1,048,576 rows, and so may an import. A sheet that is no readable XML is an UNREADABLE issue
 * at its row, naming the sheet, the row and the column.
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
            SheetCells.read(in, SheetRows.EXCEL_MAX_ROWS, XlsxReadings::text, (rowNo, cells) -> {
                CsvReadings.Columns c = columns[0];
                if (c == null) {
                    List<String> header = new ArrayList<>(cells.size());
                    for (int i = 0; i < cells.size(); i++) {
                        header.add(cells.text(i));
                    }
                    columns[0] = CsvReadings.Columns.of(header);
                    if (columns[0].missing() != null) {
                        sink.problem(ImportReport.Kind.MISSING_COLUMN, rowNo, columns[0].missing());
                        throw new StopParsing();
                    }
                    return;
                }
                long seconds = cells.dateSeconds(c.time());
                sink.accept(new ReadingImporter.Row(rowNo, cells.text(c.meter()),
                        seconds == Long.MIN_VALUE ? cells.text(c.time()) : text(seconds), cells.text(c.kwh()),
                        c.kvarh() < 0 ? null : cells.text(c.kvarh())));
            });
        } catch (StopParsing stop) {
            // a missing column was reported
        } catch (SheetCells.Unreadable e) {
            sink.problem(ImportReport.Kind.UNREADABLE, e.row(), e.getMessage());
        }
    }

    /** A time given as seconds since 1970-01-01T00:00 as {@link #text(LocalDateTime)} writes it, without objects. */
    static String text(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int second = (int) Math.floorMod(epochSecond, 86_400L);
        // days to the civil date (H. Hinnant's algorithm), as LocalDate.ofEpochDay does
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1000 || year > 9999) {
            return text(LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC));
        }
        char[] c = new char[19];
        digits(c, 0, (int) year, 4);
        c[4] = '-';
        digits(c, 5, month, 2);
        c[7] = '-';
        digits(c, 8, day, 2);
        c[10] = ' ';
        digits(c, 11, second / 3600, 2);
        c[13] = ':';
        digits(c, 14, second / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, second % 60, 2);
        return new String(c);
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
