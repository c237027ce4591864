/**
 * Supply-guarantee plans (保供电预案) and the generator-truck fleet (发电车): plans written from a content template per
 * event type ({@code reports/templates/supplyplan/}) or as a copy of an earlier one, the workflow draft → submitted →
 * approved → active → closed with revisions, checklist tasks, duties, truck bookings that may not overlap (the
 * database's exclusion constraint {@code truck_booking_no_overlap}), the Word document, and the activation job
 * ({@code SupplyPlanJobs}).
 * <p>
 * <b>Start with</b> {@link SupplyPlanService}, {@link PlanTaskService} ({@code dueTasks} for reminders),
 * {@link FleetService}, {@link SupplyPlan}; for outages {@link SupplyPlanService#activeOn} ({@link ActivePlanPeriod}).
 * <p>
 * <b>Depends on</b> {@code customer}, {@code network}, {@code org}, {@code security}, {@code audit} and {@code base}.
 */
package cn.keyaccount.supplyplan;
