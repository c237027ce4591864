package cn.keyaccount.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Visit dates are Chinese calendar days: "today" and "overdue" are decided in Asia/Shanghai, whatever the server. */
public final class VisitDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private VisitDates() {
    }

    public static LocalDate today() {
        return today(Clock.systemUTC().instant());
    }

    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZONE);
    }

    /** Overdue: still open (planned or confirmed) and its planned day is over. */
    public static boolean isOverdue(VisitStatus status, LocalDate planned, LocalDate today) {
        return status.isOpen() && planned.isBefore(today);
    }
}
