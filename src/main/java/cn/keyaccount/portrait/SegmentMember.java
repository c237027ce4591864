package cn.keyaccount.portrait;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A customer's place in its segment, read-only over portrait_customer (written by {@link PortraitStore} in plain SQL):
 * mapped so that a segment's members can be paged in one HQL statement scoped by the customer feature's subquery.
 */
@Entity
@Immutable
@Table(name = "portrait_customer")
class SegmentMember {

    @Id
    @Column(name = "customer_id")
    Long customerId;

    @Column(name = "segment_id")
    Long segmentId;

    @Column(name = "distance")
    Float distance;
}
