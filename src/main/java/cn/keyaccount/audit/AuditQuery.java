package cn.keyaccount.audit;

import java.time.LocalDate;

/**
 * What to show of the audit log. {@code unitPathPrefix} limits it to a subtree of the organisation
 * (null: everything, for administrators).
 */
public record AuditQuery(String unitPathPrefix, Long customerId, String actor, String action, LocalDate from,
                         LocalDate to) {

    public static AuditQuery forCustomer(long customerId) {
        return new AuditQuery(null, customerId, null, null, null, null);
    }
}
