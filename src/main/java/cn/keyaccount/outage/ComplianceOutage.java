package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/**
 * One outage's warning compliance: its affected customers by the class of their first warning (not yet warned: held
 * or waiting), and the delivery of its first-warning messages (dispatched = sent + delivered + failed).
 */
public record ComplianceOutage(long outageId, OutageKind kind, OutageStatus status, String title,
                               OffsetDateTime startsAt, long affected, long onTime, long belowRegulation, long late,
                               long atOnce, long notWarned, long messages, long dispatched, long delivered,
                               long failed) {

    /** Delivered share of the dispatched messages, 0–1; null when none was dispatched yet. */
    public Double receiptRate() {
        return dispatched == 0 ? null : (double) delivered / dispatched;
    }
}
