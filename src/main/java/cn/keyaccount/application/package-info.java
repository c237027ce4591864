/**
 * 业扩报装: key customers' connection and change applications from acceptance to power on, within the working-day
 * limits. The kinds and their chains of steps ({@link ApplicationKind}, {@link ApplicationStep}), the limits by kind,
 * voltage and single/dual supply from the versioned file {@code scheduler/application-limits.csv}
 * ({@link ApplicationLimits}, {@link ApplicationLimitsSource}), the working-day clock with its stops while the company
 * waits on the customer ({@link ApplicationClock}, pure, on {@code base/calendar}), and the application itself with its
 * rules — steps in order and once, closed means unchangeable, the version seen checked on every change.
 * <p>
 * Around it: the tasks of the steps and their owners' inbox ({@link ApplicationTaskService}), the warnings through the
 * notice engine ({@link ApplicationReminders}), 一次性告知 and uploads ({@link ApplicationDocuments}), the time-limit
 * dashboard ({@link ApplicationDashboard}) and the nightly recompute of the clocks ({@code ApplicationJobs}).
 * <p>
 * <b>Start with</b> {@link ApplicationService}, {@link ApplicationClock}, {@link Application}.
 * <p>
 * <b>Depends on</b> {@code customer} (access, the record and transformers it changes on power-on, the record a 新装
 * creates), {@code assignment} (the new record's manager), {@code energy} (the energy profile a billing change sets),
 * {@code report} (the 供电方案答复单, {@link ApplicationSchemes}), {@code notice} (reminders, 一次性告知),
 * {@code security}, {@code audit} and {@code base}.
 */
package cn.keyaccount.application;
