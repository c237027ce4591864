package cn.keyaccount.supplyplan;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A generator truck booked for a plan over [startsAt, endsAt). The database refuses two bookings of one truck whose
 * periods overlap (exclusion constraint truck_booking_no_overlap); touching periods are fine.
 */
@Entity
@Table(name = "truck_booking")
public class TruckBooking extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private GeneratorTruck truck;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private SupplyPlan plan;
    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;
    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;
    @Column(nullable = false)
    private String note;
    @Column(name = "booked_by", nullable = false)
    private String bookedBy;
    @Column(name = "booked_at", nullable = false)
    private OffsetDateTime bookedAt = OffsetDateTime.now();

    protected TruckBooking() {
    }

    TruckBooking(GeneratorTruck truck, SupplyPlan plan, OffsetDateTime startsAt, OffsetDateTime endsAt, String note,
                 String bookedBy) {
        this.truck = truck;
        this.plan = plan;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.note = note == null ? "" : note.trim();
        this.bookedBy = bookedBy;
    }

    /** Bookings follow their plan to its newest revision. */
    void moveTo(SupplyPlan revision) {
        this.plan = revision;
    }

    BookingDetails toView() {
        return new BookingDetails(getId(), truck.getId(), truck.getPlate(), truck.getName(), truck.getRatedKw(),
                plan.getId(), plan.getTitle(), plan.getCustomer().getName(), plan.getStatus(), startsAt, endsAt, note,
                bookedBy);
    }

    public GeneratorTruck getTruck() {
        return truck;
    }

    public SupplyPlan getPlan() {
        return plan;
    }
}
