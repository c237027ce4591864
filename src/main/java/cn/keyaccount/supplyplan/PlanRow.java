package cn.keyaccount.supplyplan;

import java.time.OffsetDateTime;

/** A plan as a row of the list. */
public record PlanRow(long id, long customerId, String customerName, String title, EventType eventType,
                      PlanLevel level, OffsetDateTime startsAt, OffsetDateTime endsAt, PlanStatus status,
                      int revision) {
}
