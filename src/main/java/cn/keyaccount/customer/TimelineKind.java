package cn.keyaccount.customer;

/** What a customer's timeline entry is about: the filter the timeline offers (labels {@code customer.timeline.kind.*}). */
public enum TimelineKind {
    VISIT, NOTICE, OUTAGE, PLAN, REPORT, ASSIGNMENT, EDIT, APPLICATION, REQUEST
}
