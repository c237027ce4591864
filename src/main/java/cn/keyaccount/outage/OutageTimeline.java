package cn.keyaccount.outage;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelineQuery;
import cn.keyaccount.customer.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.List;

/** The customer timeline's outages: each outage that affects the customer, at its start, with its effect on them. */
@ApplicationScoped
class OutageTimeline implements TimelineSource {

    private final EntityManager em;

    OutageTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.OUTAGE;
    }

    @Override
    public String key() {
        return "outage";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        TypedQuery<Object[]> query = em.createQuery("select o.id, o.startsAt, o.endsAt, o.title, o.kind, o.status, "
                + "a.effect from AffectedCustomer a join Outage o on o.id = a.outageId "
                + "where a.customerId = :customerTimelineCustomer and " + q.where("o.startsAt", "o.id")
                + " order by o.startsAt desc, o.id desc", Object[].class);
        q.parameters().forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList().stream().map(r -> entry(r, q)).toList();
    }

    private TimelineEntry entry(Object[] r, TimelineQuery q) {
        String title = Messages.get(q.locale(), "outage.timeline.title",
                Messages.get(q.locale(), "outage.kind." + r[4]), r[3]);
        String detail = Messages.get(q.locale(), "outage.timeline.detail", TimelineEntry.moment((OffsetDateTime) r[1]),
                TimelineEntry.moment((OffsetDateTime) r[2]), Messages.get(q.locale(), "outage.effect." + r[6]),
                Messages.get(q.locale(), "outage.status." + r[5]));
        return new TimelineEntry((OffsetDateTime) r[1], TimelineKind.OUTAGE, key(), (Long) r[0], title, detail,
                TimelineEntry.customerTab(q.customerId(), "outage.tab"));
    }
}
