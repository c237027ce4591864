package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/**
 * A fault outage's power is back (fired in the transaction that records it): the repairs linked to the fault close
 * together with it (servicerequest.repair observes this).
 *
 * @param note what the dispatcher wrote (cause, what was done), or null
 * @param username who recorded it (for the audit trail)
 * @param by       their display name
 */
public record FaultRestored(long outageId, OffsetDateTime at, String note, String username, String by) {
}
