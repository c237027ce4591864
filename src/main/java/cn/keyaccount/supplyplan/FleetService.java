package cn.keyaccount.supplyplan;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The generator-truck fleet (发电车) and its bookings for plans. A truck cannot be booked by two plans in
 * overlapping periods: the service names the plan already holding it, and the database's exclusion constraint
 * refuses an overlap that slips past (two bookings at the same moment on different nodes).
 */
@ApplicationScoped
@Transactional
public class FleetService {

    static final String OVERLAP_CONSTRAINT = "truck_booking_no_overlap";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final GeneratorTruckRepository trucks;
    private final TruckBookingRepository bookings;
    private final PlanAccess access;
    private final OrgService org;
    private final AuditService audit;
    private final EntityManager em;

    FleetService(GeneratorTruckRepository trucks, TruckBookingRepository bookings, PlanAccess access, OrgService org,
                 AuditService audit, EntityManager em) {
        this.trucks = trucks;
        this.bookings = bookings;
        this.access = access;
        this.org = org;
        this.audit = audit;
        this.em = em;
    }

    /** The trucks in service, largest first; the fleet is shared by every unit. */
    public List<TruckDetails> trucks() {
        return trucks.list("active", Sort.descending("ratedKw").and("plate"), true).stream()
                .map(GeneratorTruck::toView).toList();
    }

    /** A generator truck's rating: the largest mobile sets are about 2 MW. */
    static final long MAX_TRUCK_KW = 10_000;
    static final long MAX_CREW = 100;

    @Transactional
    public TruckDetails addTruck(Viewer viewer, TruckDraft d) {
        if (!(viewer.isAdmin() || viewer.isSupervisor())) {
            throw BusinessException.forbidden("error.truck-add-forbidden");
        }
        new Validation()
                .notBlank(d.plate(), "plate").maxLength(d.plate(), 20, "plate")
                .notBlank(d.name(), "name").maxLength(d.name(), 100, "name")
                .require(d.ratedKw() != null && d.ratedKw() > 0, "ratedKw", "error.truck-rating")
                .range(d.ratedKw() == null ? null : d.ratedKw().longValue(), 1, MAX_TRUCK_KW, "ratedKw")
                .range(d.crewSize() == null ? null : d.crewSize().longValue(), 0, MAX_CREW, "crewSize")
                .maxLength(d.crewLeader(), 100, "crewLeader").maxLength(d.crewMobile(), 20, "crewMobile")
                .require(d.unitId() != null, "unitId", "error.required")
                .require(d.plate() == null || trucks.count("plate", d.plate().trim()) == 0, "plate",
                        "error.truck-plate-taken", d.plate())
                .throwIfInvalid();
        OrgUnit unit = org.unit(d.unitId());
        if (!viewer.isAdmin() && !unit.getPath().startsWith(viewer.unitPath())) {
            throw BusinessException.forbidden("error.truck-add-forbidden");
        }
        GeneratorTruck truck = new GeneratorTruck(d, unit);
        trucks.persistAndFlush(truck);
        audit.record(viewer.username(), "TRUCK_ADDED", "GENERATOR_TRUCK", truck.getId(), null, unit.getPath(),
                truck.getPlate() + " " + truck.getRatedKw() + " kW", null, null);
        return truck.toView();
    }

    /** The bookings of a plan the viewer may see. */
    public List<BookingDetails> bookingsOf(Viewer viewer, long planId) {
        SupplyPlan p = access.visible(viewer, planId);
        return bookings.list("plan", Sort.by("startsAt").and("id"), p).stream().map(TruckBooking::toView).toList();
    }

    /**
     * Books a truck for a plan over [startsAt, endsAt) (the plan's period when not given). Refused, naming the plan
     * that holds it, when the truck is booked for an overlapping period; a booking that ends when another starts is
     * fine.
     */
    @Transactional
    public BookingDetails book(Viewer viewer, long planId, BookingRequest r) {
        SupplyPlan p = access.writable(viewer, planId);
        if (!PlanTaskService.WORKING.contains(p.getStatus())) {
            throw BusinessException.conflict("error.plan-closed");
        }
        OffsetDateTime start = r.startsAt() == null ? p.getStartsAt() : r.startsAt();
        OffsetDateTime end = r.endsAt() == null ? p.getEndsAt() : r.endsAt();
        new Validation()
                .require(r.truckId() != null, "truckId", "error.required")
                .require(end.isAfter(start), "endsAt", "error.plan-period")
                .maxLength(r.note(), 300, "note")
                .throwIfInvalid();
        // one booking per truck at a time: the lock makes the check below exact on a single database
        GeneratorTruck truck = r.truckId() == null ? null
                : em.find(GeneratorTruck.class, r.truckId(), LockModeType.PESSIMISTIC_WRITE);
        if (truck == null || !truck.isActive()) {
            throw BusinessException.invalid("error.truck-not-found", r.truckId());
        }
        TruckBooking clash = bookings.find("truck = ?1 and startsAt < ?2 and endsAt > ?3",
                Sort.by("startsAt"), truck, end, start).firstResult();
        if (clash != null) {
            throw overlap(truck, clash);
        }
        TruckBooking booking = new TruckBooking(truck, p, start, end, r.note(), viewer.username());
        try {
            bookings.persistAndFlush(booking);
        } catch (RuntimeException e) {
            if (isOverlapViolation(e)) {
                throw BusinessException.conflict("error.booking-overlap-unknown", truck.getPlate());
            }
            throw e;
        }
        audit.record(viewer.username(), "TRUCK_BOOKED", "TRUCK_BOOKING", booking.getId(), p.getCustomer().getId(),
                p.getCustomer().getUnit().getPath(), truck.getPlate() + " → " + p.getTitle(), null,
                Map.of("from", start.toString(), "to", end.toString()));
        return booking.toView();
    }

    /** Whether a failure is the database refusing an overlapping booking (exclusion constraint, SQLSTATE 23P01). */
    static boolean isOverlapViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cv && OVERLAP_CONSTRAINT.equals(cv.getConstraintName())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static BusinessException overlap(GeneratorTruck truck, TruckBooking clash) {
        SupplyPlan other = clash.getPlan();
        return BusinessException.conflict("error.booking-overlap", truck.getPlate(), other.getTitle(),
                other.getCustomer().getName(),
                clash.toView().startsAt().atZoneSameInstant(SupplyPlanService.ZONE).format(TIME),
                clash.toView().endsAt().atZoneSameInstant(SupplyPlanService.ZONE).format(TIME));
    }

    @Transactional
    public void cancel(Viewer viewer, long planId, long bookingId) {
        SupplyPlan p = access.writable(viewer, planId);
        TruckBooking b = bookings.findById(bookingId);
        if (b == null || !b.getPlan().getId().equals(p.getId())) {
            throw BusinessException.notFound("error.booking-not-found", bookingId);
        }
        audit.record(viewer.username(), "TRUCK_BOOKING_CANCELLED", "TRUCK_BOOKING", b.getId(), p.getCustomer().getId(),
                p.getCustomer().getUnit().getPath(), b.getTruck().getPlate() + " → " + p.getTitle(), null, null);
        bookings.delete(b);
    }

    /** Every booking of any truck overlapping [from, to), for the fleet calendar and its XLSX (staff only). */
    public List<BookingDetails> schedule(Viewer viewer, OffsetDateTime from, OffsetDateTime to) {
        if (viewer.isCustomer()) {
            throw BusinessException.forbidden("error.forbidden");
        }
        return bookings.list("startsAt < ?1 and endsAt > ?2", Sort.by("truck.plate").and("startsAt"), to, from)
                .stream().map(TruckBooking::toView).toList();
    }
}
