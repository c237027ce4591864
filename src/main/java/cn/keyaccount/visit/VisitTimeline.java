package cn.keyaccount.visit;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelineQuery;
import cn.keyaccount.customer.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The customer timeline's visits: a recorded visit at the moment it was recorded (with the customer's 诉求), any
 * other at the moment it was planned, saying for when and in which state it is now.
 */
@ApplicationScoped
class VisitTimeline implements TimelineSource {

    private static final String AT = "(case when v.status = cn.keyaccount.visit.VisitStatus.DONE "
            + "then coalesce(v.recordedAt, v.createdAt) else v.createdAt end)";

    private final EntityManager em;

    VisitTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.VISIT;
    }

    @Override
    public String key() {
        return "visit";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        TypedQuery<Object[]> query = em.createQuery("select v.id, " + AT + ", v.type, v.status, v.plannedDate, "
                + "v.doneDate, v.demands, v.cancelReason, m.displayName from Visit v join v.manager m "
                + "where v.customer.id = :customerTimelineCustomer and " + q.where(AT, "v.id")
                + " order by " + AT + " desc, v.id desc", Object[].class);
        q.parameters().forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList().stream().map(r -> entry(r, q)).toList();
    }

    private TimelineEntry entry(Object[] r, TimelineQuery q) {
        VisitStatus status = (VisitStatus) r[3];
        String type = Messages.get(q.locale(), "visit.type." + r[2]);
        String manager = (String) r[8];
        String title = status == VisitStatus.DONE
                ? Messages.get(q.locale(), "visit.timeline.done", type, r[5].toString(), manager)
                : Messages.get(q.locale(), "visit.timeline.planned", type, ((LocalDate) r[4]).toString(), manager,
                Messages.get(q.locale(), "visit.status." + status));
        String detail = status == VisitStatus.DONE && r[6] != null && !((String) r[6]).isBlank()
                ? Messages.get(q.locale(), "visit.timeline.demands", r[6])
                : status == VisitStatus.CANCELLED ? (String) r[7] : null;
        return new TimelineEntry((OffsetDateTime) r[1], TimelineKind.VISIT, key(), (Long) r[0], title, detail,
                TimelineEntry.customerTab(q.customerId(), "visit.tab"));
    }
}
