/**
 * The notice engine: every SMS, e-mail and in-app message to key customers and to staff.
 *
 * <p>Other features call {@link cn.keyaccount.notice.NoticeService#schedule} with a
 * {@link cn.keyaccount.notice.NoticeRequest} (purpose, template from {@code scheduler/templates}, customers or
 * contacts, staff users, channels, placeholder values, planned time, urgent flag, expiry, an optional dedupe key).
 * The notice is fanned out in the caller's transaction into {@link cn.keyaccount.notice.NoticeMessage}s, one per
 * recipient and channel (the idempotency key notice × customer × recipient × channel is unique; a staff user's
 * recipient key is minus their user id, and a staff message about a customer carries that customer's id), and
 * sent by the {@link cn.keyaccount.notice.NoticeDispatcher} Quartz job: claimed with {@code for update skip locked}, SMS over SMPP 3.4 (UCS-2, concatenated, delivery
 * receipts), e-mail over SMTP, in-app messages into the portal inbox (customers) or the staff inbox.
 * {@link cn.keyaccount.notice.StaffReminders} turns visits and supply-plan checklist tasks into staff reminders.
 */
package cn.keyaccount.notice;
