/**
 * The audit log screen (route {@code audit}): newest first, paged in SQL; administrators see everything, supervisors
 * the events of their unit and the units below; a row shows its before/after state.
 * <p>
 * <b>Start with</b> {@code AuditLogView}. <b>Depends on</b> {@code audit} and {@code security}/{@code security.ui}
 * (roles, current viewer).
 */
package cn.keyaccount.audit.ui;
