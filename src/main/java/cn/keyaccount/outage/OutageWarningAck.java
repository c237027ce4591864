package cn.keyaccount.outage;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A customer acknowledged an outage warning by replying to its SMS (收到, 1 …): once per warning and customer. */
@Entity
@Table(name = "outage_warning_ack")
public class OutageWarningAck extends AbstractEntity {

    @Column(name = "warning_id", nullable = false)
    private long warningId;
    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Column(name = "contact_id")
    private Long contactId;
    @Column(name = "reply_id", nullable = false)
    private long replyId;
    @Column(name = "acknowledged_at", nullable = false)
    private OffsetDateTime acknowledgedAt;

    protected OutageWarningAck() {
    }

    OutageWarningAck(long warningId, long customerId, Long contactId, long replyId, OffsetDateTime acknowledgedAt) {
        this.warningId = warningId;
        this.customerId = customerId;
        this.contactId = contactId;
        this.replyId = replyId;
        this.acknowledgedAt = acknowledgedAt;
    }

    public long getWarningId() {
        return warningId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public Long getContactId() {
        return contactId;
    }

    public long getReplyId() {
        return replyId;
    }

    public OffsetDateTime getAcknowledgedAt() {
        return acknowledgedAt;
    }
}
