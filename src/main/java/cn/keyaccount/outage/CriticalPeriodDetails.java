package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/** A declared critical-production period. */
public record CriticalPeriodDetails(long id, long customerId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                 String reason, String createdBy) {
}
