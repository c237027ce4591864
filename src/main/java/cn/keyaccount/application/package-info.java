/**
 * 业扩报装: key customers' connection and change applications from acceptance to power on, within the working-day
 * limits. The kinds and their chains of steps ({@link ApplicationKind}, {@link ApplicationStep}), the limits by kind,
 * voltage and single/dual supply from the versioned file {@code scheduler/application-limits.csv}
 * ({@link ApplicationLimits}, {@link ApplicationLimitsSource}), the working-day clock with its stops while the company
 * waits on the customer ({@link ApplicationClock}, pure, on {@code base/calendar}), and the application itself with its
 * rules — steps in order and once, closed means unchangeable, the version seen checked on every change.
 * <p>
 * <b>Start with</b> {@link ApplicationService}, {@link ApplicationClock}, {@link Application}.
 * <p>
 * <b>Depends on</b> {@code customer} (access, the record and transformers it changes on power-on), {@code energy}
 * (the energy profile a billing change sets), {@code security}, {@code audit} and {@code base}.
 */
package cn.keyaccount.application;
