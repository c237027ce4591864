/**
 * The notice engine: every SMS, e-mail and portal message to key customers.
 *
 * <p>Other features call {@link cn.keyaccount.notice.NoticeService#schedule} with a
 * {@link cn.keyaccount.notice.NoticeRequest} (purpose, template from {@code scheduler/templates}, customers or
 * contacts, channels, placeholder values, planned time, urgent flag, expiry). The notice is fanned out in the
 * caller's transaction into {@link cn.keyaccount.notice.NoticeMessage}s, one per contact and channel (the idempotency
 * key notice × customer × contact × channel is unique), and sent by the {@link cn.keyaccount.notice.NoticeDispatcher}
 * Quartz job: claimed with {@code for update skip locked}, SMS over SMPP 3.4 (UCS-2, concatenated, delivery
 * receipts), e-mail over SMTP, portal messages into the inbox.
 */
package cn.keyaccount.notice;
