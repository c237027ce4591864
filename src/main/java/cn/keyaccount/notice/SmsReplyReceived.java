package cn.keyaccount.notice;

import java.time.OffsetDateTime;

/**
 * A reply matched to the SMS it answers, fired (synchronously, in the transaction that stores the reply) by the
 * replies store. The features that sent the message observe it and record what it means for them: visits a
 * confirmation, outages an acknowledged warning. The notice engine knows neither; they recognise their own messages
 * by purpose and by the notice's cause ({@code reference}, the dedupe key they scheduled it with) or its id.
 *
 * @param replyId    the stored reply
 * @param customerId the customer the replied-to message went to
 * @param contactId  the contact (null for a message to a number no contact holds any more)
 * @param mobile     the sender's mobile, normalised (11 digits)
 * @param purpose    the replied-to message's notice purpose
 * @param noticeId   its notice
 * @param reference  its notice's dedupe key (e.g. {@code visit-customer:42:2026-12-07}); null when it has none
 * @param meaning    what the reply's keyword means there; null for free text
 * @param receivedAt when the reply arrived
 */
public record SmsReplyReceived(long replyId, long customerId, Long contactId, String mobile, NoticePurpose purpose,
                               long noticeId, String reference, ReplyMeaning meaning, OffsetDateTime receivedAt,
                               String text) {
}
