package cn.keyaccount.servicerequest;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.base.Validation;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Return visits (回访): once a request is closed, its manager (staff who may handle it) or the customer in the portal
 * records the satisfaction 1–5 and a comment, once per closing. A dissatisfied answer (1 or 2, a comment required)
 * reopens the request for the supervisor: it leaves its owner and waits in the owning unit (the supervisors' inbox),
 * and the supervisors are told at once ({@code request-dissatisfied}).
 */
@ApplicationScoped
public class ReturnVisitService {

    /** Satisfaction at or below this reopens the request. */
    public static final int DISSATISFIED_AT_MOST = 2;
    static final int COMMENT_MAX = 2000;

    private final ServiceRequestService requests;
    private final ServiceRequestQueries queries;
    private final ReturnVisitRepository returnVisits;
    private final RequestEventRepository events;
    private final RequestAccess access;
    private final RequestAlerts alerts;
    private final AuditService audit;
    private final Clock clock;

    ReturnVisitService(ServiceRequestService requests, ServiceRequestQueries queries,
                       ReturnVisitRepository returnVisits, RequestEventRepository events, RequestAccess access,
                       RequestAlerts alerts, AuditService audit, Clock clock) {
        this.requests = requests;
        this.queries = queries;
        this.returnVisits = returnVisits;
        this.events = events;
        this.access = access;
        this.alerts = alerts;
        this.clock = clock;
        this.audit = audit;
    }

    /** Records the return visit of the request's last closing; 1–2 reopens it for the supervisor. */
    @Transactional
    public RequestDetails record(Viewer viewer, long id, Integer satisfaction, String comment, Long version) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        new Validation().require(satisfaction != null && satisfaction >= 1 && satisfaction <= 5, "satisfaction",
                        "error.request.satisfaction-range")
                .require(satisfaction == null || satisfaction > DISSATISFIED_AT_MOST || text != null, "comment",
                        "error.request.dissatisfied-needs-comment")
                .maxLength(text, COMMENT_MAX, "comment").throwIfInvalid();
        ServiceRequest r = requests.seen(viewer, id);
        if (!viewer.isCustomer() && !access.canEdit(viewer, r)) {
            throw BusinessException.forbidden("error.request.read-only");
        }
        if (!r.getStatus().isClosed()) {
            throw BusinessException.conflict("error.request.return-visit-not-closed", id);
        }
        if (version != null && version != r.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        if (returnVisits.count("request = ?1 and closedAt = ?2", r, r.getClosedAt()) > 0) {
            throw BusinessException.conflict("error.request.return-visit-done", id);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        returnVisits.persist(new ReturnVisit(r, satisfaction, text, now, viewer.displayName(), viewer.isCustomer()));
        if (satisfaction <= DISSATISFIED_AT_MOST) {
            r.reopen();
            r.assign(null, r.getOwnerUnit());
            events.persist(new RequestEvent(r, RequestEventKind.REOPENED, now, viewer.displayName(),
                    Messages.get(Locale.SIMPLIFIED_CHINESE, "request.return-visit.reopen-note", satisfaction, text),
                    null, r.getOwnerUnit()));
            alerts.dissatisfied(r, satisfaction, text);
        }
        audit.record(viewer.username(), "REQUEST_RETURN_VISIT", "ServiceRequest", r.getId(),
                r.getCustomer().getId(), r.getCustomer().getUnit().getPath(), r.getSubject(), null,
                Map.of("satisfaction", Integer.toString(satisfaction), "comment", text == null ? "" : text));
        return queries.details(viewer, flushed(r));
    }

    private ServiceRequest flushed(ServiceRequest r) {
        returnVisits.flush();
        return r;
    }
}
