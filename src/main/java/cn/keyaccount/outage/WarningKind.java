package cn.keyaccount.outage;

/** The notices an outage sends: first warnings, the day-before reminder, revisions, cancellations, manager alerts. */
public enum WarningKind {
    WARNING, REMINDER, REVISION, CANCELLATION, MANAGERS
}
