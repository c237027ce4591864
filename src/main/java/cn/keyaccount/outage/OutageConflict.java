package cn.keyaccount.outage;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A supply-guarantee plan or critical-production period the outage overlaps; found again at every change. */
@Entity
@Table(name = "outage_conflict")
public class OutageConflict extends AbstractEntity {

    @Column(name = "outage_id", nullable = false)
    private long outageId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConflictKind kind;
    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Column(name = "customer_name", nullable = false)
    private String customerName;
    @Column(name = "reference_id", nullable = false)
    private long referenceId;
    @Column(nullable = false)
    private String description;
    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;
    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;

    protected OutageConflict() {
    }

    OutageConflict(long outageId, ConflictKind kind, long customerId, String customerName, long referenceId,
                   String description, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        this.outageId = outageId;
        this.kind = kind;
        this.customerId = customerId;
        this.customerName = customerName;
        this.referenceId = referenceId;
        this.description = description.length() > 500 ? description.substring(0, 500) : description;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    public ConflictDetails view() {
        return new ConflictDetails(kind, customerId, customerName, referenceId, description, startsAt, endsAt);
    }

    public long getOutageId() {
        return outageId;
    }
}
