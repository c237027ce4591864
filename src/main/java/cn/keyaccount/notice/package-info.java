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
 * The engine serves the features and knows none of them: each feature schedules its own reminders through it
 * ({@code visit.VisitReminders}, {@code supplyplan.PlanTaskReminders}, {@code outage.OutageReminders}). It depends only
 * on customer (recipients), security (staff users, viewers), audit and base, which ArchitectureTest checks.
 *
 * <p><b>What "sent once" means across a crash.</b> Each attempt commits three facts in order: the claim (state
 * SENDING with a token of its own), the start mark ({@code submit_started_at}, written by {@link
 * cn.keyaccount.notice.SendJournal} when the channel opens its {@link cn.keyaccount.notice.SubmitGate} right before
 * the first byte goes to the provider, after the link is up and the throughput slot taken, and only while the claim is
 * still the token's) and the outcome with the provider's message id (right after the answer). The journal groups the writes of all
 * messages in flight into small commits. When a node dies, another settles its stale claims: without a start mark
 * the message was provably never submitted and goes back to the queue (it is then sent exactly once); with a start
 * mark but no outcome the provider may or may not have it, and nobody can know from our side, so it becomes
 * UNCERTAIN. An uncertain SMS is settled by a delivery receipt for its handset that no recorded message owns; else a
 * scheduler decides in the notice centre (send again, accepting a possible duplicate, or count it as sent). The
 * engine never resends an uncertain message on its own, so a duplicate only ever follows a person's decision, and
 * at most the SMPP window's worth of messages per dead node needs one. A node whose claim was taken over (it hung
 * past the claim timeout) can neither submit nor record any more: its token no longer matches.
 *
 * <p><b>Replies</b> (上行短信): every SMS channel hands what customers send back to the one {@link
 * cn.keyaccount.notice.InboundSmsSink}, {@link cn.keyaccount.notice.SmsReplies}, which stores each reply once, matches
 * it to the last SMS sent to that mobile and announces a match as {@link cn.keyaccount.notice.SmsReplyReceived}; the
 * features that sent the message (visits, outages) observe that event, so the engine still knows none of them.
 * {@link cn.keyaccount.notice.ReplyQueries} reads them.
 *
 * <p><b>Start with</b> {@link cn.keyaccount.notice.NoticeService} and {@link cn.keyaccount.notice.NoticeRequest}
 * (how a feature sends, with a {@link cn.keyaccount.notice.NoticePurpose}), {@link cn.keyaccount.notice.NoticeQueries}
 * and {@link cn.keyaccount.notice.NoticeInbox} (the reads), {@link cn.keyaccount.notice.NoticeDecisions} (retries,
 * uncertain messages, withdrawals), {@link cn.keyaccount.notice.NoticeTemplates} ({@code scheduler/templates}),
 * {@link cn.keyaccount.notice.NoticeDispatcher} and {@link cn.keyaccount.notice.NoticeOutbox} (how it is sent), and
 * {@link cn.keyaccount.notice.NoticeConfig} ({@code keyaccount.notice.*}).
 *
 * <p><b>Depends on</b> {@code customer} (contacts, consent, quiet hours, who may see a customer), {@code security},
 * {@code audit} and {@code base} only: the engine sits below the features it serves (ArchitectureTest).
 */
package cn.keyaccount.notice;
