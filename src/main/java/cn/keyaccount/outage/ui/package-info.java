/**
 * The outage screens: 停电计划 (route {@code outages}: register, import, the selected outage's customers, conflicts,
 * notices and messages, move, cancel, release), 停电通知合规 ({@code outages/compliance}), the portal's 停电信息
 * ({@code portal/outages}) and the customer page's 停电 tab with its critical-production periods.
 * <p>
 * <b>Start with</b> {@code OutagesView}, {@code OutageDetailPanel}.
 * <p>
 * <b>Depends on</b> {@code outage}, {@code notice} (message states), {@code network} and {@code org} (pickers),
 * {@code customer.ui} (the tab seam), {@code security}/{@code security.ui} and {@code base}/{@code base.ui}.
 */
package cn.keyaccount.outage.ui;
