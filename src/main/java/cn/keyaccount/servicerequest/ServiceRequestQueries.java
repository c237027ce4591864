package cn.keyaccount.servicerequest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reads of service requests, scoped to the viewer ({@link RequestAccess}) and paged in SQL: the list with its
 * filters, one request with its history, and the owner's inbox (open requests owned by the viewer; for a
 * supervisor also those waiting in their unit for a person).
 */
@ApplicationScoped
public class ServiceRequestQueries {

    private static final String FROM = " from ServiceRequest r join r.customer c left join r.owner o "
            + "join r.ownerUnit u ";
    private static final String COLUMNS = "select r.id, c.id, c.accountNo, c.name, r.type, r.serviceKind, r.source, "
            + "r.status, r.subject, o.displayName, u.name, r.openedAt, r.closedAt, r.respondDueAt, r.resolveDueAt, "
            + "r.respondedAt";

    private final EntityManager em;
    private final RequestAccess access;
    private final Clock clock;

    ServiceRequestQueries(EntityManager em, RequestAccess access, Clock clock) {
        this.em = em;
        this.access = access;
        this.clock = clock;
    }

    public List<RequestRow> list(Viewer viewer, RequestFilter filter, int offset, int limit) {
        Where w = where(viewer, filter);
        TypedQuery<Object[]> q = em.createQuery(COLUMNS + FROM + "where " + w.hql
                + " order by r.openedAt desc, r.id desc", Object[].class);
        w.params.map().forEach(q::setParameter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(this::row)
                .toList();
    }

    public long count(Viewer viewer, RequestFilter filter) {
        Where w = where(viewer, filter);
        TypedQuery<Long> q = em.createQuery("select count(r)" + FROM + "where " + w.hql, Long.class);
        w.params.map().forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** One request with its history, or absent (404) when out of the viewer's sight. */
    @Transactional
    public RequestDetails get(Viewer viewer, long id) {
        ServiceRequest r = em.find(ServiceRequest.class, id);
        if (r == null || !access.canSee(viewer, r)) {
            throw BusinessException.notFound("error.request.not-found", id);
        }
        return details(viewer, r);
    }

    /** One request, or empty when absent or out of the viewer's sight (a page that says so in place). */
    @Transactional
    public Optional<RequestDetails> find(Viewer viewer, long id) {
        ServiceRequest r = em.find(ServiceRequest.class, id);
        return r == null || !access.canSee(viewer, r) ? Optional.empty() : Optional.of(details(viewer, r));
    }

    RequestDetails details(Viewer viewer, ServiceRequest r) {
        List<RequestEventRow> history = em.createQuery("select e.at, e.kind, e.actor, e.note, t.displayName, "
                        + "tu.name, e.noteKey from RequestEvent e left join e.toOwner t left join e.toUnit tu "
                        + "where e.request.id = :id order by e.at, e.id", Object[].class)
                .setParameter("id", r.getId()).getResultList().stream()
                .map(e -> new RequestEventRow((OffsetDateTime) e[0], (RequestEventKind) e[1], (String) e[2],
                        (String) e[3], (String) e[4], (String) e[5], (String) e[6], e[6] == null ? null : (String) e[3])
                        .inLanguage(Messages.CHINESE))
                .filter(e -> !viewer.isCustomer() || e.kind().shownToCustomer())
                .toList();
        boolean editable = access.canEdit(viewer, r);
        RequestRow row = row(new Object[] {r.getId(), r.getCustomer().getId(), r.getCustomer().getAccountNo(),
                r.getCustomer().getName(), r.getType(), r.getServiceKind(), r.getSource(), r.getStatus(),
                r.getSubject(), r.getOwner() == null ? null : r.getOwner().getDisplayName(),
                r.getOwnerUnit().getName(), r.getOpenedAt(), r.getClosedAt(), r.getRespondDueAt(),
                r.getResolveDueAt(), r.getRespondedAt()});
        return new RequestDetails(row, r.getArea(), r.getDescription(),
                RequestAnswers.text(Messages.CHINESE, r.getAnswerKey(), r.getAnswer()),
                r.getOwner() == null ? null : r.getOwner().getId(),
                r.getAboutUser() == null ? null : r.getAboutUser().getId(),
                r.getAboutUser() == null || viewer.isCustomer() ? null : r.getAboutUser().getDisplayName(),
                r.getVisitId(), r.getReopenCount(), r.getCreatedBy(), r.getClosedBy(), history, editable,
                editable && RequestAccess.canClose(viewer, r), r.getRespondDueAt(), r.getResolveDueAt(),
                r.getRespondedAt(), r.getLevelsVersion(), r.getVersion(), returnVisits(r.getId()),
                r.getStatus().isClosed() && (viewer.isCustomer() || editable)
                        && em.createQuery("select count(v) from ReturnVisit v where v.request.id = :id "
                        + "and v.closedAt = :closedAt", Long.class).setParameter("id", r.getId())
                        .setParameter("closedAt", r.getClosedAt()).getSingleResult() == 0,
                attachments(r.getId()), r.getAnswerKey(), r.getAnswerKey() == null ? null : r.getAnswer());
    }

    private List<ReturnVisitRow> returnVisits(long requestId) {
        return em.createQuery("select new cn.keyaccount.servicerequest.ReturnVisitRow(v.at, v.satisfaction, "
                        + "v.comment, v.byName, v.byCustomer) from ReturnVisit v where v.request.id = :id "
                        + "order by v.at, v.id", ReturnVisitRow.class).setParameter("id", requestId).getResultList();
    }

    private List<AttachmentRow> attachments(long requestId) {
        return em.createQuery("select new cn.keyaccount.servicerequest.AttachmentRow(a.id, a.fileName, "
                        + "a.contentType, a.sizeBytes, a.uploadedAt, a.uploadedBy) from RequestAttachment a "
                        + "where a.request.id = :id order by a.id", AttachmentRow.class)
                .setParameter("id", requestId).getResultList();
    }

    /** The viewer's inbox: open requests they own; a supervisor's also holds those waiting in their units. */
    public List<RequestRow> inbox(Viewer viewer, int limit) {
        Where w = inboxWhere(viewer);
        TypedQuery<Object[]> q = em.createQuery(COLUMNS + FROM + "where " + w.hql
                + " order by r.openedAt, r.id", Object[].class);
        w.params.map().forEach(q::setParameter);
        return q.setMaxResults(limit).getResultList().stream().map(this::row).toList();
    }

    public long countInbox(Viewer viewer) {
        Where w = inboxWhere(viewer);
        TypedQuery<Long> q = em.createQuery("select count(r)" + FROM + "where " + w.hql, Long.class);
        w.params.map().forEach(q::setParameter);
        return q.getSingleResult();
    }

    private record Where(String hql, Parameters params) {
    }

    private static Where inboxWhere(Viewer viewer) {
        Parameters p = Parameters.with("reqMe", viewer.userId()).and("reqClosed", RequestStatus.CLOSED);
        String who = "o.id = :reqMe";
        if (viewer.isSupervisor() || viewer.isAdmin()) {
            who = "(o.id = :reqMe or (o.id is null and u.path like :reqInboxPath))";
            p.and("reqInboxPath", viewer.unitPath() + "%");
        }
        return new Where(who + " and r.status <> :reqClosed", p);
    }

    private static Where where(Viewer viewer, RequestFilter f) {
        CustomerAccess.Scope scope = RequestAccess.scope(viewer);
        StringBuilder hql = new StringBuilder(scope.where());
        Parameters p = new Parameters();
        scope.params().map().forEach(p::and);
        if (f.text() != null && !f.text().isBlank()) {
            hql.append(" and (lower(r.subject) like :reqText or lower(c.name) like :reqText "
                    + "or c.accountNo like :reqText)");
            p.and("reqText", "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.type() != null) {
            hql.append(" and r.type = :reqType");
            p.and("reqType", f.type());
        }
        if (f.status() != null) {
            hql.append(" and r.status = :reqStatus");
            p.and("reqStatus", f.status());
        } else if (f.openOnly()) {
            hql.append(" and r.status <> :reqStatus");
            p.and("reqStatus", RequestStatus.CLOSED);
        }
        if (f.customerId() != null) {
            hql.append(" and c.id = :reqCustomer");
            p.and("reqCustomer", f.customerId());
        }
        if (f.mine()) {
            hql.append(" and o.id = :reqMine");
            p.and("reqMine", viewer.userId());
        }
        return new Where(hql.toString(), p);
    }

    private RequestRow row(Object[] r) {
        RequestStatus status = (RequestStatus) r[7];
        OffsetDateTime closedAt = (OffsetDateTime) r[12];
        OffsetDateTime respondBy = (OffsetDateTime) r[13];
        OffsetDateTime resolveBy = (OffsetDateTime) r[14];
        OffsetDateTime respondedAt = (OffsetDateTime) r[15];
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime due = status.isClosed() ? null : respondedAt == null && respondBy != null ? respondBy
                : resolveBy;
        boolean overdue = status.isClosed()
                ? resolveBy != null && closedAt != null && closedAt.isAfter(resolveBy)
                : due != null && due.isBefore(now) || resolveBy != null && resolveBy.isBefore(now);
        return new RequestRow((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (RequestType) r[4],
                (ServiceKind) r[5], (RequestSource) r[6], status, (String) r[8],
                r[9] == null ? "" : (String) r[9], (String) r[10], (OffsetDateTime) r[11], closedAt, due, overdue);
    }
}
