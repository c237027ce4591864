/**
 * The visit screens: the calendar 走访日历 (route {@code visits}: list, week and month built from core components, the
 * manager's panel with tomorrow's visits and the feed URL), compliance 走访考核 ({@code visits/dashboard}), the policy
 * 走访频次 ({@code visits/policy}), the portal's 走访预约 ({@code portal/visits}) and the customer page's 走访 tab.
 * <p>
 * <b>Start with</b> {@code VisitCalendarView}, {@code VisitDialog}, {@code CalendarBoard}.
 * <p>
 * <b>Depends on</b> {@code visit}, {@code customer}/{@code customer.ui} (the tab seam, customer search),
 * {@code security}/{@code security.ui} and {@code base}/{@code base.ui}.
 */
package cn.keyaccount.visit.ui;
