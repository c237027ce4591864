package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/** A conflict as shown: the plan or critical period (reference id), whose, and its period. */
public record ConflictDetails(ConflictKind kind, long customerId, String customerName, long referenceId,
                           String description, OffsetDateTime startsAt, OffsetDateTime endsAt) {
}
