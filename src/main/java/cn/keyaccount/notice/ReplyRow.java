package cn.keyaccount.notice;

import java.time.OffsetDateTime;

/**
 * A reply as listed (notice centre, customer page, REST), with the message it answers beside it: its notice title,
 * purpose, recipient, text and when it went out (all null when the reply matched no message). The mobile is masked
 * except for administrators and schedulers, who look after unmatched replies.
 */
public record ReplyRow(long id, OffsetDateTime receivedAt, String provider, String mobile, String toNumber,
                       String text, Long customerId, String customerName, Long contactId, ReplyMeaning meaning,
                       Long messageId, Long noticeId, String noticeTitle, NoticePurpose purpose,
                       String repliedToRecipient, String repliedToText, OffsetDateTime repliedToSentAt) {

    public boolean matched() {
        return customerId != null;
    }
}
