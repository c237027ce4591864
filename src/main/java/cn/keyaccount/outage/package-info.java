/**
 * Outages and their warnings (停电信息服务): a scheduler registers an outage on supply lines (or whole substations) or
 * imports the weekly maintenance plan; the affected key customers are found from the customer ↔ line mapping
 * ({@code AffectedCustomers}; dual supply with a line left in service is "one source out"); conflicts with supply plans
 * in force and declared critical-production periods hold the outage for a supervisor; the warnings, the day-before
 * reminder ({@code OutageReminders}), revisions and cancellations go through the notice engine
 * ({@code OutageWarnings}, templates {@code outage-*}); {@link OutageCompliance} proves they were on time.
 * <p>
 * <b>Start with</b> {@link OutageService} (the changes: register, move, cancel, release), {@link OutageQueries}
 * (the scoped reads), {@link OutageNoticePlanner} (the warning rules, pure and tested at their
 * boundaries), {@link CriticalPeriodService}, {@link MaintenancePlanImport}, {@link OutageSettings}
 * ({@code keyaccount.outage.*}).
 * <p>
 * <b>Depends on</b> {@code notice}, {@code customer}, {@code network}, {@code org}, {@code supplyplan} (plans in force
 * on the lines), {@code security}, {@code audit} and {@code base} (with the working-day calendar,
 * {@code base.calendar.WorkCalendar}).
 */
package cn.keyaccount.outage;
