package cn.keyaccount.supplyplan;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A plan in force (approved or active) over a period on some lines: what outage planning must not cut. {@code lineIds}
 * are the plan's lines among those asked about.
 */
public record ActivePlanPeriod(long planId, long customerId, String customerName, String title, PlanLevel level,
                               PlanStatus status, OffsetDateTime startsAt, OffsetDateTime endsAt,
                               List<Long> lineIds) {
}
