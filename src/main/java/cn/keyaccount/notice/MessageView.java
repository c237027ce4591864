package cn.keyaccount.notice;

import java.time.OffsetDateTime;

/** One message as shown: its recipient (mobile masked), text, state and delivery proof. */
public record MessageView(long id, long noticeId, String noticeTitle, String purpose, long customerId,
                          String recipientName, Channel channel, String address, String subject, String body,
                          int segments, MessageState state, int attempts, OffsetDateTime nextAttemptAt,
                          OffsetDateTime sentAt, String providerMessageId, OffsetDateTime receiptAt,
                          OffsetDateTime readAt, String error) {
}
