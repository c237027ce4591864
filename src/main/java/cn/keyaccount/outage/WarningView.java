package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/** A notice sent for an outage, with its delivery progress from the notice engine. */
public record WarningView(long noticeId, WarningKind kind, OffsetDateTime plannedAt, int customers, boolean withdrawn,
                          String createdBy, long messages, long delivered, long sent, long failed, long expired,
                          long scheduled) {
}
