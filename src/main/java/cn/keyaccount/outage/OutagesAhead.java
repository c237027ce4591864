package cn.keyaccount.outage;

import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outages a workbench shows: those not called off that touch a period (this week, the next seven days), in the
 * viewer's reach as the outage list decides it ({@link OutageQueries}), with how early their customers were warned:
 * the worst first-warning class among the affected customers, none while the outage waits for approval. Also those
 * held for a supervisor. A page of outages is one statement, its warning classes one more.
 */
@ApplicationScoped
public class OutagesAhead {

    private final EntityManager em;

    OutagesAhead(EntityManager em) {
        this.em = em;
    }

    /** An outage in a workbench list; {@code warningClass} the worst first warning, null when none was planned. */
    public record OutageAheadSummary(long id, String title, OutageKind kind, OutageStatus status,
                                     OffsetDateTime startsAt, OffsetDateTime endsAt, boolean heldLate,
                                     boolean heldConflict, WarningClass warningClass) {
    }

    /** The outages not cancelled that overlap from..to, soonest first; at most {@code limit}. */
    public List<OutageAheadSummary> between(Viewer viewer, OffsetDateTime from, OffsetDateTime to, int limit) {
        List<Outage> page = query(viewer, "select o from Outage o", " and o.status <> :cancelled and o.endsAt > :from "
                + "and o.startsAt < :to order by o.startsAt, o.id", Outage.class)
                .setParameter("cancelled", OutageStatus.CANCELLED).setParameter("from", from).setParameter("to", to)
                .setMaxResults(limit).getResultList();
        return summaries(page);
    }

    public long countBetween(Viewer viewer, OffsetDateTime from, OffsetDateTime to) {
        return query(viewer, "select count(o) from Outage o", " and o.status <> :cancelled and o.endsAt > :from "
                + "and o.startsAt < :to", Long.class).setParameter("cancelled", OutageStatus.CANCELLED)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /** The outages held for a supervisor (a late first warning, a conflict), soonest first; at most {@code limit}. */
    public List<OutageAheadSummary> held(Viewer viewer, int limit) {
        return summaries(query(viewer, "select o from Outage o", " and o.status = :held order by o.startsAt, o.id",
                Outage.class).setParameter("held", OutageStatus.HELD).setMaxResults(limit).getResultList());
    }

    /** As many as the outage list shows with its status filter on 待审批. */
    public long countHeld(Viewer viewer) {
        return query(viewer, "select count(o) from Outage o", " and o.status = :held", Long.class)
                .setParameter("held", OutageStatus.HELD).getSingleResult();
    }

    private <T> TypedQuery<T> query(Viewer viewer, String select, String rest, Class<T> type) {
        OutageQueries.Scope s = OutageQueries.scope(viewer);
        TypedQuery<T> q = em.createQuery(select + " where " + s.where() + rest, type);
        s.params().map().forEach(q::setParameter);
        return q;
    }

    private List<OutageAheadSummary> summaries(List<Outage> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, WarningClass> worst = new HashMap<>();
        em.createQuery("select distinct a.outageId, a.warningClass from AffectedCustomer a where a.outageId in :ids "
                        + "and a.warningClass is not null", Object[].class)
                .setParameter("ids", page.stream().map(Outage::getId).toList()).getResultList()
                .forEach(r -> worst.merge((Long) r[0], (WarningClass) r[1], OutagesAhead::worse));
        return page.stream().map(o -> new OutageAheadSummary(o.getId(), o.getTitle(), o.getKind(), o.getStatus(),
                o.getStartsAt(), o.getEndsAt(), o.isHeldLate(), o.isHeldConflict(), worst.get(o.getId()))).toList();
    }

    /** Late is worse than 5–7 days, which is worse than on time; "at once" (faults) is its own kind, ranked last. */
    static WarningClass worse(WarningClass a, WarningClass b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(WarningClass c) {
        return switch (c) {
            case LATE -> 3;
            case BELOW_REGULATION -> 2;
            case ON_TIME -> 1;
            case AT_ONCE -> 0;
        };
    }
}
