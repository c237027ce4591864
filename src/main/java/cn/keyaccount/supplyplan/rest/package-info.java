/**
 * REST for supply plans and the fleet: {@code /api/supply-plans} (list, create from template or {@code copyOf}, update
 * a draft, transitions, revisions, tasks, bookings, document) and {@code /api/fleet} (trucks, bookings, schedule.xlsx).
 * <p>
 * <b>Start with</b> {@code SupplyPlanResource}, {@code FleetResource}. <b>Depends on</b> {@code supplyplan},
 * {@code security} and {@code base.rest}.
 */
package cn.keyaccount.supplyplan.rest;
