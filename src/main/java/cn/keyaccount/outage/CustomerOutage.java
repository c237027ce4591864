package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/** An outage as one affected customer sees it: when, why, what it does to the account and when it was warned. */
public record CustomerOutage(long outageId, long customerId, String accountNo, String customerName, OutageKind kind,
                             OutageStatus status, String title, String reason, String area, OffsetDateTime startsAt,
                             OffsetDateTime endsAt, OffsetDateTime restorationAt, Effect effect, String linesOut,
                             WarningClass warningClass, OffsetDateTime firstWarningAt) {
}
