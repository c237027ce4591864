package cn.keyaccount.visit;

import java.time.LocalDate;
import java.time.LocalTime;

/** A visit added by hand: which customer, what for, when (the time is optional). */
public record VisitDraft(Long customerId, VisitType type, LocalDate plannedDate, LocalTime plannedTime) {
}
