package cn.keyaccount.notice;

import java.time.OffsetDateTime;

/**
 * A notice with the count of its messages in each state: the progress schedulers watch. {@code uncertain}: messages
 * whose sending node died between asking the provider and recording the answer, waiting for a receipt or a decision.
 */
public record NoticeSummary(long id, String purpose, String template, String title, OffsetDateTime plannedAt,
                            OffsetDateTime expiresAt, boolean urgent, String createdBy, OffsetDateTime createdAt,
                            int skipped, long total, long scheduled, long sending, long sent, long delivered,
                            long failed, long expired, long uncertain) {

    /** Messages whose fate is settled (delivered, failed or expired). */
    public long settled() {
        return delivered + failed + expired;
    }
}
