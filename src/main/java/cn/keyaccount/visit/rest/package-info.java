/**
 * REST for visits: {@code /api/visits} (list, add, move, confirm, cancel, record, the customer's response, tasks),
 * {@code /api/visit-tasks}, {@code /api/visit-plan}, {@code /api/visit-policy}, {@code /api/visit-compliance},
 * {@code /api/visit-reminders}, {@code /api/visit-feed-url} and the token-protected calendar feed
 * {@code /api/visit-feed/<token>.ics}.
 * <p>
 * <b>Start with</b> {@code VisitResource}. <b>Depends on</b> {@code visit}, {@code security} and {@code base.rest}.
 */
package cn.keyaccount.visit.rest;
