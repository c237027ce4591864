package cn.keyaccount.visit;

import java.time.LocalDate;
import java.time.LocalTime;

/** A visit to remind its manager of: who, which customer, when, what for. */
public record VisitReminder(long visitId, long managerId, String managerUsername, String managerName,
                            long customerId, String customerName, LocalDate date, LocalTime time, VisitType type) {
}
