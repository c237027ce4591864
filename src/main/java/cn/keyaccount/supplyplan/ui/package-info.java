/**
 * The plan screens: the plan list with tasks due in the next 7 days (route {@code plans}), one plan with its workflow
 * buttons, content, checklist, bookings and history ({@code plans/<id>}), the fleet calendar ({@code fleet}) and the
 * portal's 我的保电 ({@code portal/plans}).
 * <p>
 * <b>Start with</b> {@code SupplyPlansView}, {@code SupplyPlanView}.
 * <p>
 * <b>Depends on</b> {@code supplyplan}, {@code customer}, {@code network}, {@code org} (pickers),
 * {@code security}/{@code security.ui} and {@code base}/{@code base.ui}.
 */
package cn.keyaccount.supplyplan.ui;
