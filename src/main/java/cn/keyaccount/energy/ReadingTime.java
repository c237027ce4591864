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
