/**
 * The audit log (操作日志): sign-ins (and refusals) and every change to customers, contacts, transformers, assignments
 * and the other audited records, with who, when and the state before and after. Events are never changed.
 * <p>
 * <b>Start with</b> {@link AuditService} (record and read back), {@link AuditQuery} (what to show: a subtree of the
 * organisation, a customer) and {@link AuditEvent}.
 * <p>
 * <b>Depends on</b> nothing else in the application: every feature may record into it, so it must stay at the bottom
 * with {@code base}.
 */
package cn.keyaccount.audit;
