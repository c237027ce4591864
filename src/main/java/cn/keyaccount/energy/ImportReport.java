package cn.keyaccount.energy;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import found: the rows read, the meter-days written (none when {@code accepted} is false: a file is
 * stored whole or not at all), and every issue with its file and row. Errors reject the file (unreadable values,
 * negative values, a timestamp repeated with a different value, a meter of another customer); warnings do not
 * (gaps, spikes, a timestamp repeated with the same value). {@code shorterDays} counts the stored meter-days the file
 * would replace with fewer readings: each is an error unless the import was confirmed (then 0). At most {@link #MAX_ISSUES} issues are listed; the
 * counts go on.
 */
public record ImportReport(String file, long rows, long meterDays, int meters, LocalDate firstDay,
                           LocalDate lastDay, boolean accepted, int errors, int warnings, int shorterDays,
                           List<Issue> issues) {

    public static final int MAX_ISSUES = 500;

    public enum Severity { ERROR, WARNING }

    public enum Kind { UNREADABLE, MISSING_COLUMN, NEGATIVE, DUPLICATE, DUPLICATE_CONFLICT, NOT_QUARTER_HOUR,
        FOREIGN_METER, GAP, SPIKE, DAY_SPLIT, BAD_TIME, IMPOSSIBLE_VALUE, SHORTER_DAY, TOO_MANY_ROWS, CELL_TOO_LONG,
        TOO_LARGE }

    /** Whether the file was refused only because it would shorten stored days: confirming it would store it. */
    public boolean needsConfirmation() {
        return !accepted && shorterDays > 0 && errors == shorterDays;
    }

    /**
     * @param row    the file's row number (1 is the header), 0 where the issue has no single row
     * @param column the column the issue is in (its header words), null where it concerns no single cell
     */
    public record Issue(Severity severity, Kind kind, String file, long row, String column, String meterNo,
                        String at, String detail) {
    }
}
