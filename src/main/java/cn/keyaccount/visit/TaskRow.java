package cn.keyaccount.visit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A follow-up task; {@code overdue}: open past its due date. */
public record TaskRow(long id, long visitId, long customerId, String customerName, String managerName,
                      String description, String owner, LocalDate dueDate, OffsetDateTime closedAt, String closedBy,
                      boolean overdue) {
}
