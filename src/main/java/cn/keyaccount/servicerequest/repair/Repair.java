package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.servicerequest.ServiceRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * A key customer's repair (故障报修) on the green channel: the crew it was dispatched to and the time of each step.
 * The steps only move forward and their times never go backwards ({@link #advance}); the database holds the order
 * of the times too ({@code repair_times_in_order}).
 */
@Entity
@Table(name = "repair")
public class Repair extends AbstractEntity {

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private ServiceRequest request;
    @ManyToOne(fetch = FetchType.LAZY)
    private RepairCrew crew;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RepairStep step = RepairStep.WAITING;
    @Column(name = "dispatched_at")
    private OffsetDateTime dispatchedAt;
    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;
    @Column(name = "on_the_way_at")
    private OffsetDateTime onTheWayAt;
    @Column(name = "arrived_at")
    private OffsetDateTime arrivedAt;
    @Column(name = "cause_found_at")
    private OffsetDateTime causeFoundAt;
    @Column(name = "restored_at")
    private OffsetDateTime restoredAt;
    private String cause;
    @Column(name = "outage_id")
    private Long outageId;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Repair() {
    }

    Repair(ServiceRequest request, OffsetDateTime createdAt) {
        this.request = request;
        this.createdAt = createdAt;
    }

    void dispatch(RepairCrew to, OffsetDateTime at) {
        this.crew = to;
        this.step = RepairStep.DISPATCHED;
        this.dispatchedAt = at;
    }

    void linkOutage(long outage) {
        this.outageId = outage;
    }

    /**
     * The step the crew reports, at its time: a later step than the current one, at a time no earlier than the last
     * step's. Returns the step it may not precede when refused (null when accepted and recorded).
     */
    Map.Entry<RepairStep, OffsetDateTime> advance(RepairStep next, OffsetDateTime at, String causeText) {
        Map.Entry<RepairStep, OffsetDateTime> last = lastTime();
        if (last != null && at.isBefore(last.getValue())) {
            return last;
        }
        switch (next) {
            case ACCEPTED -> acceptedAt = at;
            case ON_THE_WAY -> onTheWayAt = at;
            case ARRIVED -> arrivedAt = at;
            case CAUSE_FOUND -> {
                causeFoundAt = at;
                cause = causeText;
            }
            case RESTORED -> {
                restoredAt = at;
                if (causeText != null) {
                    cause = causeText;
                }
            }
            default -> throw new IllegalArgumentException(next.name());
        }
        step = next;
        return null;
    }

    /** Each step reached, with its time, in order. */
    Map<RepairStep, OffsetDateTime> times() {
        Map<RepairStep, OffsetDateTime> t = new EnumMap<>(RepairStep.class);
        put(t, RepairStep.DISPATCHED, dispatchedAt);
        put(t, RepairStep.ACCEPTED, acceptedAt);
        put(t, RepairStep.ON_THE_WAY, onTheWayAt);
        put(t, RepairStep.ARRIVED, arrivedAt);
        put(t, RepairStep.CAUSE_FOUND, causeFoundAt);
        put(t, RepairStep.RESTORED, restoredAt);
        return t;
    }

    private static void put(Map<RepairStep, OffsetDateTime> t, RepairStep s, OffsetDateTime at) {
        if (at != null) {
            t.put(s, at);
        }
    }

    Map.Entry<RepairStep, OffsetDateTime> lastTime() {
        Map.Entry<RepairStep, OffsetDateTime> last = null;
        for (Map.Entry<RepairStep, OffsetDateTime> e : times().entrySet()) {
            last = e;
        }
        return last;
    }

    public ServiceRequest getRequest() {
        return request;
    }

    public RepairCrew getCrew() {
        return crew;
    }

    public RepairStep getStep() {
        return step;
    }

    public OffsetDateTime getArrivedAt() {
        return arrivedAt;
    }

    public OffsetDateTime getRestoredAt() {
        return restoredAt;
    }

    public String getCause() {
        return cause;
    }

    public Long getOutageId() {
        return outageId;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
