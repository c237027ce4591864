package cn.keyaccount.notice;

/**
 * A customer's messages that wait for someone, for the customer card: those that failed or whose fate is uncertain
 * (staff retry or decide them), and portal messages the customer has not opened yet.
 */
public record CustomerNoticeSummary(long failed, long unread) {
}
