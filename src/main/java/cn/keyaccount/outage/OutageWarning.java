package cn.keyaccount.outage;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A notice the notice engine holds for an outage; withdrawn when the outage moved or was cancelled before it went. */
@Entity
@Table(name = "outage_warning")
public class OutageWarning extends AbstractEntity {

    @Column(name = "outage_id", nullable = false)
    private long outageId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WarningKind kind;
    @Column(name = "notice_id", nullable = false)
    private long noticeId;
    @Column(name = "planned_at", nullable = false)
    private OffsetDateTime plannedAt;
    @Column(nullable = false)
    private int customers;
    @Column(nullable = false)
    private boolean withdrawn;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected OutageWarning() {
    }

    OutageWarning(long outageId, WarningKind kind, long noticeId, OffsetDateTime plannedAt, int customers,
                  String createdBy) {
        this.outageId = outageId;
        this.kind = kind;
        this.noticeId = noticeId;
        this.plannedAt = plannedAt;
        this.customers = customers;
        this.createdBy = createdBy;
        this.createdAt = OffsetDateTime.now();
    }

    void withdraw() {
        this.withdrawn = true;
    }

    public long getOutageId() {
        return outageId;
    }

    public WarningKind getKind() {
        return kind;
    }

    public long getNoticeId() {
        return noticeId;
    }

    public OffsetDateTime getPlannedAt() {
        return plannedAt;
    }

    public int getCustomers() {
        return customers;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
