package cn.keyaccount.outage;

/**
 * How early a customer's first warning went out before the outage start. Planned outages: ON_TIME at 7 days or more
 * (《供电监管办法》 Art. 13), BELOW_REGULATION from 5 to under 7 days (inside the 提前5至7天 commitment but below the
 * regulation, flagged), LATE under 5 days (needs a supervisor's approval). Temporary outages: ON_TIME at 24 hours or
 * more, LATE under 24 hours for important customers. AT_ONCE: faults, and temporary outages for customers without
 * a lead-time rule.
 */
public enum WarningClass {
    ON_TIME, BELOW_REGULATION, LATE, AT_ONCE
}
