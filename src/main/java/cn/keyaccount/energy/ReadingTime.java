package cn.keyaccount.energy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** Timestamps as metering exports write them: 2025-01-01 00:15, 2025/1/1 0:15:00, 2025-01-01T00:15, 24:00. */
final class ReadingTime {

    /** Strict: 2026-02-30 is refused, where the default (SMART) resolving would read it as the 28th. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private ReadingTime() {
    }

    /** {@link #fastSeconds} could not read the text: {@link #parse} decides. */
    static final long NOT_SIMPLE = Long.MIN_VALUE;

    /**
     * The common forms without objects: {@code uuuu-M-d H:mm[:ss]} with '-' or '/' and ' ' or 'T', surrounding blanks
     * allowed, a valid date and a time from 00:00 to 23:59:59; returns the seconds since 1970-01-01T00:00, or
     * {@link #NOT_SIMPLE} for anything else (24:00, a bad date, another form), which {@link #parse} then reads or
     * refuses as before. A row of a metering export is almost always of the first kind: no formatter, no objects.
     */
    static long fastSeconds(String t) {
        int n = t.length();
        int i = 0;
        while (i < n && t.charAt(i) <= ' ') {
            i++;
        }
        while (n > i && t.charAt(n - 1) <= ' ') {
            n--;
        }
        if (n - i < 12) {
            return NOT_SIMPLE;
        }
        int year = 0;
        for (int k = 0; k < 4; k++) {
            int d = t.charAt(i++) - '0';
            if (d < 0 || d > 9) {
                return NOT_SIMPLE;
            }
            year = year * 10 + d;
        }
        char sep = t.charAt(i++);
        if (sep != '-' && sep != '/') {
            return NOT_SIMPLE;
        }
        int month = 0;
        int digits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9' && digits < 2) {
            month = month * 10 + t.charAt(i++) - '0';
            digits++;
        }
        if (digits == 0 || i >= n || (t.charAt(i) != '-' && t.charAt(i) != '/')) {
            return NOT_SIMPLE;
        }
        i++;
        int day = 0;
        digits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9' && digits < 2) {
            day = day * 10 + t.charAt(i++) - '0';
            digits++;
        }
        if (digits == 0 || i >= n || (t.charAt(i) != ' ' && t.charAt(i) != 'T')) {
            return NOT_SIMPLE;
        }
        while (i < n && (t.charAt(i) == ' ' || t.charAt(i) == 'T')) {
            i++;
        }
        int hour = 0;
        digits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9' && digits < 2) {
            hour = hour * 10 + t.charAt(i++) - '0';
            digits++;
        }
        if (digits == 0 || i + 3 > n || t.charAt(i) != ':') {
            return NOT_SIMPLE;
        }
        int m1 = t.charAt(i + 1) - '0';
        int m2 = t.charAt(i + 2) - '0';
        if (m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9) {
            return NOT_SIMPLE;
        }
        int minute = m1 * 10 + m2;
        i += 3;
        int second = 0;
        if (i < n) {
            if (i + 3 != n || t.charAt(i) != ':') {
                return NOT_SIMPLE;
            }
            int s1 = t.charAt(i + 1) - '0';
            int s2 = t.charAt(i + 2) - '0';
            if (s1 < 0 || s1 > 5 || s2 < 0 || s2 > 9) {
                return NOT_SIMPLE;
            }
            second = s1 * 10 + s2;
        }
        if (month < 1 || month > 12 || day < 1 || hour > 23 || day > monthLength(year, month)) {
            return NOT_SIMPLE;
        }
        return (epochDay(year, month, day) * 1440 + hour * 60 + minute) * 60 + second;
    }

    private static int monthLength(int year, int month) {
        if (month == 2) {
            return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a valid date of the years 0–9999, as LocalDate.toEpochDay, without the object. */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    static LocalDateTime parse(String text) {
        String t = text.trim().replace('/', '-').replace('T', ' ');
        int space = t.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("no time in " + text);
        }
        LocalDate date = LocalDate.parse(t.substring(0, space), DATE);
        String time = t.substring(space + 1).trim();
        if (time.startsWith("24:00")) {
            return date.plusDays(1).atStartOfDay();
        }
        return date.atTime(LocalTime.parse(time, TIME));
    }
}
