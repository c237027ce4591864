/**
 * The billing-notice screen 电费通知 (route {@code billing}, schedulers and supervisors): upload the bill issuance and
 * the payments, see refused rows, bills with their arrears reminders.
 * <p>
 * <b>Start with</b> {@code BillingView}. <b>Depends on</b> {@code billing}, {@code security}/{@code security.ui} and
 * {@code base.ui}.
 */
package cn.keyaccount.billing.ui;
