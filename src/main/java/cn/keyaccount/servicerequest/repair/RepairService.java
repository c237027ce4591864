package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.outage.CustomerOutage;
import cn.keyaccount.outage.OutageKind;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.outage.OutageStatus;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestAnswers;
import cn.keyaccount.servicerequest.RequestRaised;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceRequest;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repair green channel: a key customer's repair (故障报修) is dispatched to a crew the moment it is raised
 * ({@link CrewDispatch}) and linked to the open fault outage on the customer's line, if any; the crew reports each
 * step with its time (forward only, never backwards) and photos; each step is told to the customer's contacts and
 * manager ({@link RepairNotices}); arrival and restoration feed the request's service-level clocks.
 * <p>
 * A crew sign-in (role REPAIR_CREW) sees the repairs of its own crew and nothing else; staff see the repair of a
 * request they may see.
 */
@ApplicationScoped
public class RepairService {

    /** A phone photo: 5 MB is ample for a JPEG the crew takes on site. */
    public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    static final int MAX_PHOTOS = 20;
    static final int CAUSE_MAX = 1000;
    /** How far ahead of the server's clock a phone's time may be (its clock drifts); later is refused. */
    static final long CLOCK_SKEW_SECONDS = 120;

    private final RepairRepository repairs;
    private final RepairPhotoRepository photos;
    private final RepairCrewRepository crews;
    private final CrewService crewService;
    private final ServiceRequestService requests;
    private final ServiceRequestQueries requestQueries;
    private final OutageQueries outages;
    private final RepairNotices notices;
    private final AuditService audit;
    private final EntityManager em;
    private final Clock clock;

    RepairService(RepairRepository repairs, RepairPhotoRepository photos, RepairCrewRepository crews,
                  CrewService crewService, ServiceRequestService requests, ServiceRequestQueries requestQueries,
                  OutageQueries outages, RepairNotices notices, AuditService audit, EntityManager em, Clock clock) {
        this.repairs = repairs;
        this.photos = photos;
        this.crews = crews;
        this.crewService = crewService;
        this.requests = requests;
        this.requestQueries = requestQueries;
        this.outages = outages;
        this.notices = notices;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** A repair just raised goes to a crew at once, in the transaction that stores the request. */
    void onRaised(@Observes RequestRaised raised) {
        if (raised.type() != RequestType.REPAIR) {
            return;
        }
        ServiceRequest r = em.find(ServiceRequest.class, raised.requestId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Repair repair = new Repair(r, now);
        openFault(r.getCustomer().getId(), now).ifPresent(o -> repair.linkOutage(o.outageId()));
        List<CrewDispatch.Candidate> active = em.createQuery("select new cn.keyaccount.servicerequest.repair"
                + ".CrewDispatch$Candidate(c.id, c.unit.path, c.area, (select count(x) from Repair x where x.crew = c"
                + " and x.step <> cn.keyaccount.servicerequest.repair.RepairStep.RESTORED)) from RepairCrew c"
                + " where c.active = true", CrewDispatch.Candidate.class).getResultList();
        CrewDispatch.choose(active, r.getCustomer().getUnit().getPath(), r.getArea())
                .ifPresent(c -> repair.dispatch(crews.findById(c.id()), now));
        repairs.persist(repair);
        if (repair.getCrew() != null) {
            notices.step(repair, RepairStep.DISPATCHED, now);
        }
    }

    /** The fault outage running now on one of the customer's lines, the latest begun. */
    private Optional<CustomerOutage> openFault(long customerId, OffsetDateTime now) {
        return outages.ofCustomer(Viewer.system(), customerId, now).stream()
                .filter(o -> o.kind() == OutageKind.FAULT && o.status() != OutageStatus.CANCELLED
                        && !o.startsAt().isAfter(now))
                .max(Comparator.comparing(CustomerOutage::startsAt));
    }

    /** The crew sign-in's repairs: open ones first (oldest call first), then the last 50 restored. */
    public List<RepairDetails> mine(Viewer viewer) {
        RepairCrew crew = requireCrew(viewer);
        List<Repair> open = repairs.list("crew = ?1 and step <> ?2 order by createdAt, id", crew,
                RepairStep.RESTORED);
        List<Repair> done = repairs.find("crew = ?1 and step = ?2 order by restoredAt desc, id desc", crew,
                RepairStep.RESTORED).page(0, 50).list();
        List<RepairDetails> all = new ArrayList<>();
        open.forEach(r -> all.add(details(viewer, r)));
        done.forEach(r -> all.add(details(viewer, r)));
        return all;
    }

    /** One repair: its crew's sign-ins, or staff who may see its request; absent for anyone else. */
    public RepairDetails get(Viewer viewer, long id) {
        return details(viewer, visible(viewer, id));
    }

    /** The repair of a request, for the request's page (staff who may see the request). */
    public Optional<RepairDetails> ofRequest(Viewer viewer, long requestId) {
        if (requestQueries.find(viewer, requestId).isEmpty()) {
            return Optional.empty();
        }
        return repairs.find("request.id", requestId).firstResultOptional().map(r -> details(viewer, r));
    }

    /**
     * The crew reports a step: later than the current one, at a time no earlier than the last step's (arrived
     * before dispatched is refused, naming both times) and not in the future. Accepted starts the request, arrived
     * stops its on-site clock, restored closes it with the cause as the answer; each step is told to the customer.
     */
    @Transactional
    public RepairDetails report(Viewer viewer, long id, StepReport s) {
        Repair repair = own(viewer, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime at = s.at() == null ? now : s.at();
        String cause = s.cause() == null || s.cause().isBlank() ? null : s.cause().strip();
        new Validation().require(s.step() != null && s.step().reportedByCrew(), "step", "error.repair.step")
                .require(s.step() != RepairStep.CAUSE_FOUND || cause != null, "cause", "error.repair.cause-required")
                .maxLength(cause, CAUSE_MAX, "cause")
                .require(!at.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS)), "at", "error.repair.time-future")
                .throwIfInvalid();
        if (s.version() != null && s.version() != repair.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        if (repair.getStep() == RepairStep.RESTORED) {
            throw BusinessException.conflict("error.repair.restored", repair.getRequest().getId());
        }
        if (s.step().ordinal() <= repair.getStep().ordinal()) {
            throw BusinessException.conflict("error.repair.step-done", s.step().ordinal(), repair.getStep().ordinal());
        }
        Map.Entry<RepairStep, OffsetDateTime> refused = repair.advance(s.step(), at, cause);
        if (refused != null) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("at",
                    "error.repair.time-backwards", s.step().ordinal(), RepairFormats.time(at, clock),
                    refused.getKey().ordinal(), RepairFormats.time(refused.getValue(), clock))));
        }
        long requestId = repair.getRequest().getId();
        switch (s.step()) {
            case ACCEPTED -> requests.repairAccepted(requestId, viewer.displayName());
            case ARRIVED -> requests.repairArrived(requestId, at);
            case RESTORED -> requests.repairRestored(requestId, at, RequestAnswers.repairRestored(repair.getCause()),
                    repair.getCause(), viewer.displayName());
            default -> {
            }
        }
        repairs.flush();
        notices.step(repair, s.step(), at);
        audit.record(viewer.username(), "REPAIR_STEP", "Repair", repair.getId(),
                repair.getRequest().getCustomer().getId(), repair.getRequest().getCustomer().getUnit().getPath(),
                repair.getRequest().getSubject(), null, Map.of("step", s.step().name(), "at", at.toString()));
        return details(viewer, repair);
    }

    /**
     * A fault's power is back: every repair linked to it and not yet restored closes together, at the fault's time
     * (or the repair's last step time, should the crew have reported one later), with the fault's note as the answer;
     * each customer is told as when the crew reports it.
     */
    void onFaultRestored(@Observes cn.keyaccount.outage.FaultRestored restored) {
        List<Repair> linked = repairs.list("outageId = ?1 and step <> ?2", restored.outageId(), RepairStep.RESTORED);
        for (Repair repair : linked) {
            Map.Entry<RepairStep, OffsetDateTime> last = repair.lastTime();
            OffsetDateTime at = last != null && last.getValue().isAfter(restored.at()) ? last.getValue()
                    : restored.at();
            repair.advance(RepairStep.RESTORED, at, repair.getCause() == null ? restored.note() : null);
            requests.repairRestored(repair.getRequest().getId(), at, RequestAnswers.faultRestored(restored.note()),
                    restored.note(), restored.by());
            repairs.flush();
            notices.step(repair, RepairStep.RESTORED, at);
            audit.record(restored.username(), "REPAIR_STEP", "Repair", repair.getId(),
                    repair.getRequest().getCustomer().getId(), repair.getRequest().getCustomer().getUnit().getPath(),
                    repair.getRequest().getSubject(), null, Map.of("step", RepairStep.RESTORED.name(),
                            "at", at.toString(), "outage", Long.toString(restored.outageId())));
        }
    }

    /** A photo of the current step: JPEG, PNG or WebP by its first bytes, not empty, at most 5 MB. */
    @Transactional
    public RepairDetails.PhotoRow addPhoto(Viewer viewer, long id, byte[] content) {
        Repair repair = own(viewer, id);
        new Validation().require(content != null && content.length > 0, "file", "error.repair.photo-empty")
                .require(content == null || content.length <= MAX_PHOTO_BYTES, "file", "error.repair.photo-too-large",
                        MAX_PHOTO_BYTES >> 20)
                .require(photos.count("repair", repair) < MAX_PHOTOS, "file", "error.repair.photo-too-many",
                        MAX_PHOTOS)
                .throwIfInvalid();
        String type = sniff(content);
        if (type == null) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("file",
                    "error.repair.photo-type")));
        }
        RepairPhoto p = new RepairPhoto(repair, repair.getStep(), type, content, viewer.username(),
                OffsetDateTime.now(clock));
        photos.persistAndFlush(p);
        return row(p);
    }

    public PhotoFile photo(Viewer viewer, long id, long photoId) {
        Repair repair = visible(viewer, id);
        RepairPhoto p = photos.findById(photoId);
        if (p == null || !p.getRepair().getId().equals(repair.getId())) {
            throw BusinessException.notFound("error.repair.photo-not-found", photoId);
        }
        return new PhotoFile(p.getContentType(), p.getContent());
    }

    /** The type the content shows by its first bytes: JPEG, PNG or WebP; null for anything else. */
    static String sniff(byte[] c) {
        return cn.keyaccount.base.FileTypes.sniff(c, java.util.Set.of(cn.keyaccount.base.FileTypes.JPEG,
                cn.keyaccount.base.FileTypes.PNG, cn.keyaccount.base.FileTypes.WEBP));
    }

    private Repair visible(Viewer viewer, long id) {
        Repair repair = repairs.findById(id);
        RepairCrew own = viewer.is(Role.REPAIR_CREW) ? crewService.crewEntityOf(viewer) : null;
        boolean seen = repair != null && (viewer.is(Role.REPAIR_CREW)
                ? own != null && repair.getCrew() != null && repair.getCrew().getId().equals(own.getId())
                : requestQueries.find(viewer, repair.getRequest().getId()).isPresent());
        if (!seen) {
            throw BusinessException.notFound("error.repair.not-found", id);
        }
        return repair;
    }

    /** A repair of the viewer's own crew: only its crew reports steps and photos. */
    private Repair own(Viewer viewer, long id) {
        Repair repair = visible(viewer, id);
        if (!viewer.is(Role.REPAIR_CREW)) {
            throw BusinessException.forbidden("error.repair.crew-only");
        }
        return repair;
    }

    private RepairCrew requireCrew(Viewer viewer) {
        if (!viewer.is(Role.REPAIR_CREW)) {
            throw BusinessException.forbidden("error.repair.crew-only");
        }
        RepairCrew crew = crewService.crewEntityOf(viewer);
        if (crew == null) {
            throw BusinessException.notFound("error.repair.no-crew");
        }
        return crew;
    }

    private RepairDetails details(Viewer viewer, Repair r) {
        ServiceRequest q = r.getRequest();
        var c = q.getCustomer();
        var manager = c.getManager();
        List<RepairDetails.StepTime> steps = r.times().entrySet().stream()
                .map(e -> new RepairDetails.StepTime(e.getKey(), e.getValue())).toList();
        List<RepairDetails.PhotoRow> shots = photos.list("repair = ?1 order by uploadedAt, id", r).stream()
                .map(RepairService::row).toList();
        boolean ownCrew = viewer.is(Role.REPAIR_CREW) && r.getStep() != RepairStep.WAITING
                && r.getStep() != RepairStep.RESTORED;
        List<RepairStep> next = ownCrew ? Arrays.stream(RepairStep.values())
                .filter(s -> s.ordinal() > r.getStep().ordinal()).toList() : List.of();
        return new RepairDetails(r.getId(), q.getId(), c.getId(), c.getName(), c.getAccountNo(), c.getAddress(),
                q.getSubject(), q.getDescription(), q.getArea(), manager == null ? null : manager.getDisplayName(),
                manager == null ? null : manager.getMobile(), r.getCrew() == null ? null : r.getCrew().getId(),
                r.getCrew() == null ? null : r.getCrew().getName(), r.getCrew() == null ? null : r.getCrew().getMobile(),
                r.getStep(), steps, r.getCause(), r.getOutageId(), shots, q.getRespondDueAt(), q.getResolveDueAt(),
                next, r.getVersion());
    }

    private static RepairDetails.PhotoRow row(RepairPhoto p) {
        return new RepairDetails.PhotoRow(p.getId(), p.getStep(), p.getContentType(), p.getSizeBytes(),
                p.getUploadedAt(), p.getUploadedBy());
    }
}
