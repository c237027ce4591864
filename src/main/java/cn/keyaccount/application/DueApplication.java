package cn.keyaccount.application;

import java.time.LocalDate;

/** An open application whose current step falls due by a day, or is overdue: for the reminders. */
public record DueApplication(long id, String number, long customerId, String customerName, String unitPath,
                             Long handlerId, ApplicationStep step, LocalDate dueOn, boolean overdue) {
}
