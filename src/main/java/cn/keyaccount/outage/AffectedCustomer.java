package cn.keyaccount.outage;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A key customer an outage affects, with how, and its first warning (class, notice, time). Written in bulk SQL. */
@Entity
@Table(name = "outage_customer")
public class AffectedCustomer extends AbstractEntity {

    @Column(name = "outage_id", nullable = false)
    private long outageId;
    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Effect effect;
    @Column(name = "lines_out", nullable = false)
    private String linesOut;
    @Enumerated(EnumType.STRING)
    @Column(name = "warning_class")
    private WarningClass warningClass;
    @Column(name = "first_notice_id")
    private Long firstNoticeId;
    @Column(name = "first_planned_at")
    private OffsetDateTime firstPlannedAt;

    protected AffectedCustomer() {
    }

    public long getOutageId() {
        return outageId;
    }

    public long getCustomerId() {
        return customerId;
    }

    public Effect getEffect() {
        return effect;
    }

    public String getLinesOut() {
        return linesOut;
    }

    public WarningClass getWarningClass() {
        return warningClass;
    }

    public Long getFirstNoticeId() {
        return firstNoticeId;
    }

    public OffsetDateTime getFirstPlannedAt() {
        return firstPlannedAt;
    }
}
