package cn.keyaccount.notice;

import java.time.OffsetDateTime;

/**
 * One message as shown: its recipient (mobile or e-mail address masked), text, state and delivery proof. {@code customerId} is the
 * customer it went to or is about (0 for a staff message about no customer); {@code userId} the staff user it went
 * to (null for customers' messages).
 */
public record MessageDetails(long id, long noticeId, String noticeTitle, String purpose, long customerId,
                          String recipientName, Channel channel, String address, String subject, String body,
                          int segments, MessageState state, int attempts, OffsetDateTime nextAttemptAt,
                          OffsetDateTime sentAt, String providerMessageId, OffsetDateTime receiptAt,
                          OffsetDateTime readAt, String error, Long userId) {

    public boolean toStaff() {
        return userId != null;
    }
}
