package cn.keyaccount.visit;

/** The customer's answer to an upcoming visit in the portal. */
public enum CustomerResponse {
    NONE, CONFIRMED, RESCHEDULE_REQUESTED
}
