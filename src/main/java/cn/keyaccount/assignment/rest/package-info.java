/**
 * REST for assignment: {@code POST /api/assignments} (reassign), {@code GET /api/customers/{id}/assignments} (history;
 * here rather than in the customer resource so that dependencies point assignment → customer) and
 * {@code GET /api/managers} (managers with their workload).
 * <p>
 * <b>Start with</b> {@code AssignmentResource}. <b>Depends on</b> {@code assignment}, {@code security} (roles, viewer)
 * and {@code base.rest} (error shape, created responses).
 */
package cn.keyaccount.assignment.rest;
