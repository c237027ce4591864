package cn.keyaccount.servicerequest;

import java.time.OffsetDateTime;

/**
 * A request as the lists show it. {@code ownerName} is empty when the request waits in a unit for a person.
 * {@code dueAt}: the next deadline still running (to respond while nobody has, else to resolve), null when none or
 * closed; {@code overdue}: a deadline passed while open, or the answer came after its deadline.
 */
public record RequestRow(long id, long customerId, String accountNo, String customerName, RequestType type,
                         ServiceKind serviceKind, RequestSource source, RequestStatus status, String subject,
                         String ownerName, String ownerUnitName, OffsetDateTime openedAt, OffsetDateTime closedAt,
                         OffsetDateTime dueAt, boolean overdue) {
}
