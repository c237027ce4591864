/**
 * Opportunities (商机): a customer's "needs and potential" tag of the portrait (增容, 减容/暂停, 电容补偿, 光伏储能,
 * 错峰用电 …) that its manager works, found → contacted → proposal → won or lost (with the reason), with the expected
 * yearly value, the next step and its date (reminded to the owner through the notice engine), and the visit,
 * application or report that came of it.
 * <p>
 * <b>Start with</b> {@link cn.keyaccount.opportunity.OpportunityService} (the changes and their rules),
 * {@link cn.keyaccount.opportunity.OpportunityQueries} (list, pipeline per stage),
 * {@link cn.keyaccount.opportunity.OpportunityReminders} (the daily {@code opportunity-reminders} job) and
 * {@link cn.keyaccount.opportunity.OpportunityExcel} (the streamed XLSX).
 * <p>
 * <b>Depends on</b> {@code portrait} (the customer's tags), {@code customer} (who may see and change a customer),
 * {@code visit}, {@code application}, {@code report} (the linked records, checked for the caller), {@code notice}
 * (the reminders), {@code org}, {@code security}, {@code audit} and {@code base}. Nothing depends on it.
 */
package cn.keyaccount.opportunity;
