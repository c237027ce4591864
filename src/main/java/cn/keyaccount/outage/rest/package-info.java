/**
 * REST for outages: {@code /api/outages} (register, move with the version read, cancel, release, affected customers,
 * messages, {@code mine} for customer users, the weekly plan import, compliance and its XLSX) and
 * {@code /api/critical-periods}.
 * <p>
 * <b>Start with</b> {@code OutageResource}, {@code CriticalPeriodResource}. <b>Depends on</b> {@code outage},
 * {@code notice} (message views), {@code security} and {@code base.rest}.
 */
package cn.keyaccount.outage.rest;
