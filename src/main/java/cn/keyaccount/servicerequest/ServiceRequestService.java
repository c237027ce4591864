package cn.keyaccount.servicerequest;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.base.Validation;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitDetails;
import cn.keyaccount.visit.VisitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The changes to service requests: raised (phone, portal, a visit's 诉求), started, handed off with a note,
 * commented, closed with an answer, reopened. Each change is an event row kept for good. Rules held here whatever
 * the caller: nothing closes without an answer text; a closed request changes only by reopening; a complaint is not
 * closed by the person it is about. Reads are {@link ServiceRequestQueries}.
 */
@ApplicationScoped
public class ServiceRequestService {

    static final int SUBJECT_MAX = 200;
    static final int TEXT_MAX = 4000;

    private final ServiceRequestRepository requests;
    private final RequestEventRepository events;
    private final RequestAccess access;
    private final CustomerAccess customers;
    private final UserService users;
    private final OrgService org;
    private final VisitService visits;
    private final AuditService audit;
    private final ServiceRequestQueries queries;
    private final ServiceLevelSource levels;
    private final WorkCalendarSource calendars;
    private final RequestAlerts alerts;
    private final Clock clock;
    private final Event<RequestRaised> raised;

    ServiceRequestService(ServiceRequestRepository requests, RequestEventRepository events, RequestAccess access,
                          CustomerAccess customers, UserService users, OrgService org, VisitService visits,
                          AuditService audit, ServiceRequestQueries queries, ServiceLevelSource levels,
                          WorkCalendarSource calendars, RequestAlerts alerts, Clock clock,
                          Event<RequestRaised> raised) {
        this.requests = requests;
        this.events = events;
        this.access = access;
        this.customers = customers;
        this.users = users;
        this.org = org;
        this.visits = visits;
        this.audit = audit;
        this.queries = queries;
        this.levels = levels;
        this.calendars = calendars;
        this.alerts = alerts;
        this.clock = clock;
        this.raised = raised;
    }

    /**
     * Raises a request: staff for a customer they may change (a phone call, source PHONE), a customer user for one
     * of their accounts (source PORTAL). The owner is the customer's manager (else whoever entered it).
     */
    @Transactional
    public RequestDetails create(Viewer viewer, RequestDraft draft) {
        validate(draft);
        Customer customer = viewer.isCustomer() ? customers.visible(viewer, draft.customerId())
                : customers.editable(viewer, draft.customerId());
        RequestSource source = viewer.isCustomer() ? RequestSource.PORTAL : RequestSource.PHONE;
        ServiceRequest r = open(viewer, customer, draft, source);
        return answer(viewer, r);
    }

    /**
     * A customer's SMS reply that asks for something becomes a 咨询 request of source SMS for the customer (owned by
     * their manager, the reply's text as its description); see {@code SmsRequests} for which replies do.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW) // called after the reply's own transaction completed
    public RequestDetails fromSms(long customerId, String text) {
        Customer customer = customers.editable(Viewer.system(), customerId);
        String body = text.strip();
        RequestDraft draft = new RequestDraft(customerId, RequestType.QUESTION, null, null, firstLine(body),
                body, null);
        validate(draft);
        return answer(Viewer.system(), open(Viewer.system(), customer, draft, RequestSource.SMS));
    }

    /**
     * Turns a recorded visit's 诉求 into a request (type 咨询 unless told otherwise), linked back to the visit. A
     * second call for the same visit answers the request made the first time.
     */
    @Transactional
    public RequestDetails fromVisit(Viewer viewer, long visitId, RequestType type) {
        VisitDetails visit = visits.get(viewer, visitId);
        Customer customer = customers.editable(viewer, visit.visit().customerId());
        ServiceRequest existing = requests.find("visitId", visitId).firstResult();
        if (existing != null) {
            return answer(viewer, existing);
        }
        String demands = visit.demands() == null ? "" : visit.demands().strip();
        if (demands.isEmpty()) {
            throw BusinessException.invalid("error.request.visit-without-demands", visitId);
        }
        RequestType t = type == null ? RequestType.QUESTION : type;
        RequestDraft draft = new RequestDraft(customer.getId(), t,
                t == RequestType.SERVICE ? ServiceKind.SAFETY_CHECK : null, ServiceArea.URBAN,
                firstLine(demands), demands, null);
        validate(draft);
        ServiceRequest r = open(viewer, customer, draft, RequestSource.VISIT);
        r.fromVisit(visitId);
        return answer(viewer, r);
    }

    /** Starts handling an open or reopened request: the first contact with the customer. */
    @Transactional
    public RequestDetails start(Viewer viewer, long id, Long version) {
        ServiceRequest r = editable(viewer, id, version);
        if (r.getStatus() == RequestStatus.IN_PROGRESS) {
            throw BusinessException.conflict("error.request.already-started", id);
        }
        r.start();
        r.responded(OffsetDateTime.now(clock));
        log(r, RequestEventKind.STARTED, viewer, null, null, null);
        return answer(viewer, r);
    }

    /** Hands the request to another person or unit with a note; every hand-off is kept. */
    @Transactional
    public RequestDetails handOff(Viewer viewer, long id, HandOff h) {
        new Validation().require(h.toUserId() != null || h.toUnitId() != null, "toUserId", "error.required")
                .notBlank(h.note(), "note").maxLength(h.note(), TEXT_MAX, "note").throwIfInvalid();
        ServiceRequest r = editable(viewer, id, h.version());
        AppUser person = null;
        OrgUnit unit;
        if (h.toUserId() != null) {
            person = users.account(h.toUserId());
            if (person.getRole() == Role.CUSTOMER || !person.isEnabled()) {
                throw BusinessException.invalidFields(List.of(new BusinessException.FieldError(
                        "toUserId", "error.request.hand-off-to-staff")));
            }
            unit = h.toUnitId() != null ? org.unit(h.toUnitId()) : person.getUnit();
        } else {
            unit = org.unit(h.toUnitId());
        }
        r.assign(person, unit);
        log(r, RequestEventKind.HANDED_OFF, viewer, h.note().strip(), person, unit);
        audit(viewer, "REQUEST_HANDED_OFF", r, Map.of("to", person == null ? unit.getName()
                : person.getDisplayName()));
        return answer(viewer, r);
    }

    /** Adds a comment to an open request. */
    @Transactional
    public RequestDetails comment(Viewer viewer, long id, String text) {
        new Validation().notBlank(text, "text").maxLength(text, TEXT_MAX, "text").throwIfInvalid();
        ServiceRequest r = editable(viewer, id, null);
        log(r, RequestEventKind.COMMENT, viewer, text.strip(), null, null);
        return answer(viewer, r);
    }

    /** Closes the request with the answer given to the customer. */
    @Transactional
    public RequestDetails close(Viewer viewer, long id, String answer, Long version) {
        new Validation().notBlank(answer, "answer").maxLength(answer, TEXT_MAX, "answer").throwIfInvalid();
        ServiceRequest r = editable(viewer, id, version);
        if (!RequestAccess.canClose(viewer, r)) {
            throw BusinessException.forbidden("error.request.complaint-about-you");
        }
        r.responded(OffsetDateTime.now(clock));
        r.close(answer.strip(), OffsetDateTime.now(clock), viewer.displayName());
        log(r, RequestEventKind.CLOSED, viewer, answer.strip(), null, null);
        audit(viewer, "REQUEST_CLOSED", r, Map.of("answer", answer.strip()));
        return answer(viewer, r);
    }

    /** Reopens a closed request, saying why; it goes back to its owner. */
    @Transactional
    public RequestDetails reopen(Viewer viewer, long id, String reason, Long version) {
        new Validation().notBlank(reason, "reason").maxLength(reason, TEXT_MAX, "reason").throwIfInvalid();
        ServiceRequest r = seen(viewer, id);
        if (!access.canEdit(viewer, r)) {
            throw BusinessException.forbidden("error.request.read-only");
        }
        checkVersion(r, version);
        if (!r.getStatus().isClosed()) {
            throw BusinessException.conflict("error.request.not-closed", id);
        }
        r.reopen();
        log(r, RequestEventKind.REOPENED, viewer, reason.strip(), null, null);
        audit(viewer, "REQUEST_REOPENED", r, Map.of("reason", reason.strip()));
        return answer(viewer, r);
    }

    /**
     * The staff a request may be handed to, whatever their unit (a work order crosses units): enabled managers,
     * supervisors, schedulers and administrators whose name or username contains {@code search}, at most 20 of each.
     */
    public List<UserSummary> handOffTargets(String search) {
        List<UserSummary> found = new ArrayList<>();
        for (Role role : List.of(Role.ACCOUNT_MANAGER, Role.SUPERVISOR, Role.SCHEDULER, Role.ADMIN)) {
            found.addAll(users.list(Viewer.system(), role, search, 0, 20));
        }
        return found.stream().filter(UserSummary::enabled).toList();
    }

    /** The units a request may be handed to. */
    public List<UnitDetails> handOffUnits() {
        return org.all();
    }

    /**
     * The repair green channel's steps on its request ({@code servicerequest.repair} checks the crew first): the
     * crew's acceptance starts an open request; its arrival stops the on-site clock at that time.
     */
    @Transactional
    public void repairAccepted(long requestId, String by) {
        ServiceRequest r = requests.findById(requestId);
        if (r != null && (r.getStatus() == RequestStatus.OPEN || r.getStatus() == RequestStatus.REOPENED)) {
            r.start();
            events.persist(new RequestEvent(r, RequestEventKind.STARTED, OffsetDateTime.now(clock), by, null, null,
                    null));
        }
    }

    /** The crew on site at {@code at}: the respond clock of a repair stops there (counted once). */
    @Transactional
    public void repairArrived(long requestId, OffsetDateTime at) {
        ServiceRequest r = requests.findById(requestId);
        if (r != null) {
            r.responded(at);
        }
    }

    /**
     * Power restored at {@code at}: the repair closes with the answer the suite writes (key {@code answerKey} of
     * {@link RequestAnswers}, read in the reader's language) and the text typed with it ({@code typed}: the cause
     * found, or the fault outage's note; may be null), which stops its resolve clock. A request closed already stays
     * as it is.
     */
    @Transactional
    public void repairRestored(long requestId, OffsetDateTime at, String answerKey, String typed, String by) {
        ServiceRequest r = requests.findById(requestId);
        if (r == null || r.getStatus().isClosed()) {
            return;
        }
        String text = typed == null || typed.isBlank() ? null
                : typed.length() > TEXT_MAX ? typed.substring(0, TEXT_MAX) : typed;
        r.responded(at);
        r.close(answerKey, text, at, by);
        events.persist(new RequestEvent(r, RequestEventKind.CLOSED, OffsetDateTime.now(clock), by, text, null, null)
                .withNoteKey(answerKey));
        audit.record(by, "REQUEST_CLOSED", "ServiceRequest", r.getId(), r.getCustomer().getId(),
                r.getCustomer().getUnit().getPath(), r.getSubject(), null,
                Map.of("answer", RequestAnswers.text(Messages.CHINESE, answerKey, text)));
    }

    /** The request as it is stored now: flushed first, so that the version answered is the one to send next. */
    private RequestDetails answer(Viewer viewer, ServiceRequest r) {
        requests.flush();
        return queries.details(viewer, r);
    }

    private ServiceRequest open(Viewer viewer, Customer customer, RequestDraft d, RequestSource source) {
        ServiceRequest r = new ServiceRequest(customer, d.type(), d.type() == RequestType.SERVICE ? d.serviceKind()
                : null, source, d.area() == null ? ServiceArea.URBAN : d.area(), d.subject().strip(),
                d.description() == null || d.description().isBlank() ? null : d.description().strip(),
                OffsetDateTime.now(clock), viewer.displayName());
        AppUser owner = customer.getManager() != null ? customer.getManager()
                : viewer.isCustomer() || viewer.userId() == 0 ? null : users.account(viewer.userId());
        r.assign(owner, customer.getUnit());
        if (d.type() == RequestType.COMPLAINT) {
            r.about(d.aboutUserId() != null ? users.account(d.aboutUserId()) : customer.getManager());
        }
        ServiceLevels current = levels.current();
        r.due(current.version(), current.deadlines(r.getType(), r.getServiceKind(), r.getArea(), r.getOpenedAt(),
                calendars.current(), clock.getZone()));
        requests.persist(r);
        if (r.getType() == RequestType.COMPLAINT) {
            alerts.complaintReceived(r);
        }
        alerts.received(r);
        log(r, RequestEventKind.CREATED, viewer, null, owner, customer.getUnit());
        audit(viewer, "REQUEST_CREATED", r, Map.of("type", d.type().name(), "subject", r.getSubject()));
        raised.fire(new RequestRaised(r.getId(), r.getType(), customer.getId()));
        return r;
    }

    private static void validate(RequestDraft d) {
        new Validation().require(d.customerId() != null, "customerId", "error.required")
                .require(d.type() != null, "type", "error.required")
                .require(d.type() != RequestType.SERVICE || d.serviceKind() != null, "serviceKind",
                        "error.request.service-kind-required")
                .notBlank(d.subject(), "subject").maxLength(d.subject(), SUBJECT_MAX, "subject")
                .maxLength(d.description(), TEXT_MAX, "description").throwIfInvalid();
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse(text).strip();
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    ServiceRequest seen(Viewer viewer, long id) {
        ServiceRequest r = requests.findById(id);
        if (r == null || !access.canSee(viewer, r)) {
            throw BusinessException.notFound("error.request.not-found", id);
        }
        return r;
    }

    /** A request the viewer may change and that is not closed (a closed one changes only by reopening). */
    private ServiceRequest editable(Viewer viewer, long id, Long version) {
        ServiceRequest r = seen(viewer, id);
        if (!access.canEdit(viewer, r)) {
            throw BusinessException.forbidden("error.request.read-only");
        }
        if (r.getStatus().isClosed()) {
            throw BusinessException.conflict("error.request.closed", id);
        }
        checkVersion(r, version);
        return r;
    }

    private static void checkVersion(ServiceRequest r, Long version) {
        if (version != null && version != r.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
    }

    private void log(ServiceRequest r, RequestEventKind kind, Viewer viewer, String note, AppUser toOwner,
                     OrgUnit toUnit) {
        events.persist(new RequestEvent(r, kind, OffsetDateTime.now(clock), viewer.displayName(), note, toOwner,
                toUnit));
    }

    private void audit(Viewer viewer, String action, ServiceRequest r, Map<String, String> after) {
        audit.record(viewer.username(), action, "ServiceRequest", r.getId(), r.getCustomer().getId(),
                r.getCustomer().getUnit().getPath(), r.getSubject(), null, after);
    }
}
