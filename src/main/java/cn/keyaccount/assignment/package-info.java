/**
 * Who looks after which key customer (服务对应关系, 网格化管理): exactly one primary account manager per customer at a
 * time (a unique index guarantees it), optionally a backup, and every change kept as history with who, when and why.
 * Supervisors reassign one or many customers at once while seeing each manager's workload ({@link ManagerWorkload}:
 * customers per tier and a tier-weighted load, A = 3, B = 2, C = 1).
 * <p>
 * <b>Start with</b> {@link AssignmentService} (reassign, history, workload), {@link Reassignment} (the decision) and
 * {@link Assignment} (one period of history, never rewritten).
 * <p>
 * <b>Depends on</b> {@code customer} (whose customers are assigned, and who may change them), {@code security}
 * (managers are users; the viewer), {@code audit} and {@code base}. The customer core never depends on assignment:
 * only the customer page ({@code customer/ui}) reads the history from {@link AssignmentService}, and the REST history
 * lives in {@code assignment/rest}.
 */
package cn.keyaccount.assignment;
