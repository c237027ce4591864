package cn.keyaccount.visit;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Visit dates are calendar days in the company's zone ({@code keyaccount.zone}, Asia/Shanghai): "today" and "overdue"
 * are decided there, whatever the server's zone, by the application's {@link Clock}.
 */
public final class VisitDates {

    private VisitDates() {
    }

    /** The company's day now: the clock's instant read in the clock's zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    /** Overdue: still open (planned or confirmed) and its planned day is over. */
    public static boolean isOverdue(VisitStatus status, LocalDate planned, LocalDate today) {
        return status.isOpen() && planned.isBefore(today);
    }
}
