package cn.keyaccount.notice;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A message a customer sent back (上行短信), with what it was matched to; see {@link SmsReplies}. */
@Entity
@Table(name = "sms_reply")
public class SmsReply extends AbstractEntity {

    @Column(nullable = false)
    private String provider;
    @Column(name = "from_mobile", nullable = false)
    private String fromMobile;
    @Column(nullable = false)
    private String mobile;
    @Column(name = "to_number", nullable = false)
    private String toNumber;
    @Column(nullable = false)
    private String text;
    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "contact_id")
    private Long contactId;
    @Column(name = "message_id")
    private Long messageId;
    @Column(name = "notice_id")
    private Long noticeId;
    @Enumerated(EnumType.STRING)
    private ReplyMeaning meaning;

    protected SmsReply() {
    }

    SmsReply(String provider, String fromMobile, String mobile, String toNumber, String text,
             OffsetDateTime receivedAt) {
        this.provider = provider;
        this.fromMobile = fromMobile;
        this.mobile = mobile;
        this.toNumber = toNumber;
        this.text = text;
        this.receivedAt = receivedAt;
    }

    void matched(Long customerId, Long contactId, Long messageId, Long noticeId, ReplyMeaning meaning) {
        this.customerId = customerId;
        this.contactId = contactId;
        this.messageId = messageId;
        this.noticeId = noticeId;
        this.meaning = meaning;
    }

    public String getProvider() {
        return provider;
    }

    public String getFromMobile() {
        return fromMobile;
    }

    public String getMobile() {
        return mobile;
    }

    public String getToNumber() {
        return toNumber;
    }

    public String getText() {
        return text;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getContactId() {
        return contactId;
    }

    public Long getMessageId() {
        return messageId;
    }

    public Long getNoticeId() {
        return noticeId;
    }

    public ReplyMeaning getMeaning() {
        return meaning;
    }
}
