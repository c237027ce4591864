package cn.keyaccount.notice;

/**
 * A message's life: SCHEDULED (waiting for its time) → SENDING (claimed by one node) → SENT (the provider accepted
 * it) → DELIVERED (receipt, or shown in the portal) | FAILED (refused, or no more attempts) | EXPIRED (too late).
 * UNCERTAIN: the node sending it died after asking the provider and before recording the answer; a delivery receipt
 * settles it, else a scheduler decides (send again, or count it as sent). It is never sent again on its own.
 */
public enum MessageState {
    SCHEDULED, SENDING, SENT, DELIVERED, FAILED, EXPIRED, UNCERTAIN;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED;
    }
}
