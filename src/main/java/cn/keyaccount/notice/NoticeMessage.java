package cn.keyaccount.notice;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One message of a notice to one recipient (a customer's contact or inbox, or a staff user) on one channel, with
 * its fate. Written by the outbox in bulk SQL (the
 * dispatcher claims and settles rows in batches); mapped here for reading.
 */
@Entity
@Table(name = "notice_message")
public class NoticeMessage extends AbstractEntity {

    @Column(name = "notice_id", nullable = false)
    private long noticeId;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "user_id")
    private Long userId;
    @Column(name = "contact_id")
    private Long contactId;
    @Column(name = "recipient_name", nullable = false)
    private String recipientName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;
    private String address;
    private String subject;
    @Column(nullable = false)
    private String body;
    private int segments;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageState state;
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "sent_at")
    private OffsetDateTime sentAt;
    @Column(name = "provider_message_id")
    private String providerMessageId;
    @Column(name = "receipt_at")
    private OffsetDateTime receiptAt;
    @Column(name = "read_at")
    private OffsetDateTime readAt;
    private String error;
    @Column(name = "recipient_key", nullable = false)
    private long recipientKey;

    protected NoticeMessage() {
    }

    public long getNoticeId() {
        return noticeId;
    }

    /** The customer the message went to or, for a staff message, is about (null when about none). */
    public Long getCustomerId() {
        return customerId;
    }

    /** The staff user it went to; null for a customer's contact or inbox. */
    public Long getUserId() {
        return userId;
    }

    public Long getContactId() {
        return contactId;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAddress() {
        return address;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public int getSegments() {
        return segments;
    }

    public MessageState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public String getProviderMessageId() {
        return providerMessageId;
    }

    public OffsetDateTime getReceiptAt() {
        return receiptAt;
    }

    public OffsetDateTime getReadAt() {
        return readAt;
    }

    public String getError() {
        return error;
    }
}
