package cn.keyaccount.servicerequest;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A return visit (回访) after a closing: the customer's satisfaction 1–5 and their words; one per closing. */
@Entity
@Table(name = "service_request_return_visit")
public class ReturnVisit extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private ServiceRequest request;
    @Column(nullable = false)
    private int satisfaction;
    private String comment;
    @Column(nullable = false)
    private OffsetDateTime at;
    @Column(name = "by_name", nullable = false)
    private String byName;
    @Column(name = "by_customer", nullable = false)
    private boolean byCustomer;
    @Column(name = "closed_at", nullable = false)
    private OffsetDateTime closedAt;

    protected ReturnVisit() {
    }

    ReturnVisit(ServiceRequest request, int satisfaction, String comment, OffsetDateTime at, String byName,
                boolean byCustomer) {
        this.request = request;
        this.satisfaction = satisfaction;
        this.comment = comment;
        this.at = at;
        this.byName = byName;
        this.byCustomer = byCustomer;
        this.closedAt = request.getClosedAt();
    }
}
