package cn.keyaccount.outage;

/**
 * HELD: waits for a supervisor (a late first warning, a conflict, or both), no first warning goes out; ANNOUNCED: the
 * warnings are scheduled or sent; CANCELLED: called off, everyone warned before was told.
 */
public enum OutageStatus {
    HELD, ANNOUNCED, CANCELLED
}
