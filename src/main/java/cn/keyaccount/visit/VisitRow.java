package cn.keyaccount.visit;

import java.time.LocalDate;
import java.time.LocalTime;

/** One visit in a list or calendar; {@code overdue}: the planned date has passed without a record. */
public record VisitRow(long id, long version, long customerId, String accountNo, String customerName,
                       long managerId, String managerName, VisitType type, LocalDate plannedDate,
                       LocalTime plannedTime, VisitStatus status, VisitOrigin origin, LocalDate doneDate,
                       Integer satisfaction, CustomerResponse customerResponse, String customerNote,
                       LocalDate customerProposedDate, long openTasks, boolean overdue) {

    /** The day a calendar shows the visit on: the day it was done once recorded, else its planned day. */
    public LocalDate day() {
        return status == VisitStatus.DONE && doneDate != null ? doneDate : plannedDate;
    }
}
