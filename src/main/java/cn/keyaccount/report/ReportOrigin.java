package cn.keyaccount.report;

/** Who asked for a report: the monthly job or a person (a manager on the customer page or over REST). */
public enum ReportOrigin {
    SCHEDULED, MANUAL
}
