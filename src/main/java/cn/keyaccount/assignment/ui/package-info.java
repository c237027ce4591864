/**
 * The supervisor's assignment screen 服务对应关系 (route {@code assignments}): pick customers, see each manager's load,
 * give them a new primary (and backup) manager with a reason.
 * <p>
 * <b>Start with</b> {@code AssignmentView}; {@code AssignmentForm} holds the decision and publishes an event, never
 * calling a service.
 * <p>
 * <b>Depends on</b> {@code assignment}, {@code customer} (the customer list it picks from), {@code security} and
 * {@code security.ui} (current viewer) and {@code base}/{@code base.ui} (layout, field errors).
 */
package cn.keyaccount.assignment.ui;
