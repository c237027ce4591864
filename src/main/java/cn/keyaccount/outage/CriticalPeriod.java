package cn.keyaccount.outage;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A period a customer declared critical for production (关键生产时段): an outage then waits for a supervisor. */
@Entity
@Table(name = "critical_period")
public class CriticalPeriod extends AbstractEntity {

    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;
    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;
    @Column(nullable = false)
    private String reason;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CriticalPeriod() {
    }

    CriticalPeriod(long customerId, OffsetDateTime startsAt, OffsetDateTime endsAt, String reason, String createdBy) {
        this.customerId = customerId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = OffsetDateTime.now();
    }

    public CriticalPeriodDetails view() {
        return new CriticalPeriodDetails(getId(), customerId, startsAt, endsAt, reason, createdBy);
    }

    public long getCustomerId() {
        return customerId;
    }
}
