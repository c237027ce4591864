package cn.keyaccount.assignment;

import java.time.OffsetDateTime;

/** One period of assignment history; {@code validTo} is null for the current one. */
public record AssignmentRecord(long id, long customerId, long managerId, String managerName, Long backupManagerId,
                               String backupManagerName, OffsetDateTime validFrom, OffsetDateTime validTo,
                               String assignedBy, String reason) {
}
