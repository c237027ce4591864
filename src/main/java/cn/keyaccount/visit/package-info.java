/**
 * Regular visits (定期走访): the visit policy (months between visits per tier and importance), the rolling plan
 * ({@link VisitPlanner}, pure; {@link VisitPlanningService} replaces only untouched planner visits), visits moved,
 * confirmed, cancelled and recorded with follow-up tasks, the customer's answer from the portal, compliance per
 * manager, unit or month with its Excel export and the private iCalendar feed. The China working-day
 * calendar it plans on lives in {@code base.calendar} (shared with outages).
 * <p>
 * <b>Start with</b> {@link VisitService}, {@link VisitPlanningService}, {@link VisitPolicyService},
 * {@link VisitCompliance}, {@link VisitReminders} (the day-before reminders for the notice engine),
 * {@link VisitSettings} ({@code keyaccount.visit.*}).
 * <p>
 * <b>Depends on</b> {@code customer}, {@code security}, {@code audit} and {@code base}.
 */
package cn.keyaccount.visit;
