package cn.keyaccount.portrait;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A customer's segment as the last computation stored it ({@code portrait_customer}), read-only: the computation
 * writes the table in plain SQL; this mapping lets lists filter by segment in HQL.
 */
@Entity
@Immutable
@Table(name = "portrait_customer")
public class SegmentMembership {

    @Id
    @Column(name = "customer_id")
    private long customerId;
    @Column(name = "segment_id")
    private Long segmentId;

    protected SegmentMembership() {
    }

    public long getCustomerId() {
        return customerId;
    }

    public Long getSegmentId() {
        return segmentId;
    }
}
