package cn.keyaccount.visit;

import java.time.LocalDate;

/**
 * A customer's visits at a glance, for the customer card: the day of the last recorded visit, the next open visit
 * (planned or confirmed; the earliest, which may be overdue) and the visit tasks still open.
 */
public record CustomerVisitSummary(LocalDate lastDone, Long nextVisitId, LocalDate nextPlanned, boolean nextOverdue,
                                   long openTasks) {
}
