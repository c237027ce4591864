package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/**
 * A notice sent for an outage, with its delivery progress from the notice engine; or ({@code pending}, notice id 0)
 * the reminder that the outage-reminders job writes shortly before its time. {@code acknowledged}: the customers who
 * acknowledged it by an SMS reply ({@link OutageReplies}).
 */
public record WarningDetails(long noticeId, WarningKind kind, OffsetDateTime plannedAt, int customers, boolean withdrawn,
                          boolean pending, String createdBy, long messages, long delivered, long sent, long failed,
                          long expired, long scheduled, long acknowledged) {
}
