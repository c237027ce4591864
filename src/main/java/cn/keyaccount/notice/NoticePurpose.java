package cn.keyaccount.notice;

/**
 * Why a notice is sent. Stored by its name in {@code notice.purpose} (varchar 32), shown in the notice centre and the
 * inboxes, and named in the REST body of {@code POST /api/notices} ({@code "purpose": "GENERAL"}).
 */
public enum NoticePurpose {
    /** Composed by a person in the notice centre. */
    GENERAL,
    /** Outage warnings, reminders, revisions, cancellations and the managers' alerts. */
    OUTAGE,
    /** A bill issued. */
    BILLING,
    /** An arrears reminder. */
    ARREARS,
    /** The last arrears reminder before supply is restricted. */
    ARREARS_FINAL,
    /** A prepaid balance changed or ran low. */
    BALANCE,
    /** A manager's reminder of a visit. */
    VISIT,
    /** A reminder of a supply-plan task. */
    PLAN,
    /** A 业扩 application: a step or task falling due (its owner), an application overdue (the supervisors). */
    APPLICATION,
    /** A monthly report ready to download. */
    REPORT,
    /** A service request's deadline running out or missed, or a complaint received (to staff). */
    SERVICE_REQUEST,
    /** A customer's portrait tag appeared or disappeared (to its manager). */
    PORTRAIT,
    /** An opportunity's next step falls due (to its owner). */
    OPPORTUNITY
}
