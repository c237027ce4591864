package cn.keyaccount.notice;

/**
 * A message's life: SCHEDULED (waiting for its time) → SENDING (claimed by one node) → SENT (the provider accepted
 * it) → DELIVERED (receipt, or shown in the portal) | FAILED (refused, or no more attempts) | EXPIRED (too late).
 */
public enum MessageState {
    SCHEDULED, SENDING, SENT, DELIVERED, FAILED, EXPIRED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED;
    }
}
