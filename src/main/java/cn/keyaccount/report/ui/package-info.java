/**
 * The report screens: the customer page's 能效报告 tab ({@code ReportsCustomerTab}, {@code ReportsPanel}: issue a
 * month's report with a progress bar, notify the customer, every issue with its downloads) and the portal's list
 * (route {@code portal/reports}).
 * <p>
 * <b>Start with</b> {@code ReportsPanel}, {@code ReportGrid}. <b>Depends on</b> {@code report}, {@code customer.ui}
 * (the tab seam), {@code security}/{@code security.ui} and {@code base}.
 */
package cn.keyaccount.report.ui;
