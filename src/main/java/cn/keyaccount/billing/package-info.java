/**
 * Billing notices (电量电费短信服务): the monthly bill issuance and payments imported from the billing system ({@code
 * BillFile}: CSV in UTF-8 or GBK, or XLSX; a file with any bad row is refused whole), the "bill issued" notice to each
 * account's billing contacts, arrears reminders at the configured steps after the due date ({@code
 * ArrearsEscalationJob}, daily at 09:00 on one node) and prepaid balances with a low-balance warning.
 * <p>
 * <b>Start with</b> {@link BillingService}, {@link Bill}, {@link PrepaidAccount} and {@link BillingConfig} ({@code
 * keyaccount.billing.*}).
 * <p>
 * <b>Depends on</b> {@code notice} (everything is sent through the engine), {@code customer} (accounts and their
 * contacts), {@code security}, {@code audit} and {@code base}.
 */
package cn.keyaccount.billing;
