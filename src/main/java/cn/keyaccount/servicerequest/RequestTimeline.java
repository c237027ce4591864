package cn.keyaccount.servicerequest;

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

/** The customer timeline's service requests: each at the moment it was raised, saying its type, source and state. */
@ApplicationScoped
class RequestTimeline implements TimelineSource {

    private final EntityManager em;

    RequestTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.REQUEST;
    }

    @Override
    public String key() {
        return "request";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        TypedQuery<Object[]> query = em.createQuery("select r.id, r.openedAt, r.type, r.source, r.status, r.subject "
                + "from ServiceRequest r where r.customer.id = :customerTimelineCustomer and "
                + q.where("r.openedAt", "r.id") + " order by r.openedAt desc, r.id desc", Object[].class);
        q.parameters().forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList().stream().map(r -> new TimelineEntry(
                (OffsetDateTime) r[1], TimelineKind.REQUEST, key(), (Long) r[0],
                Messages.get(q.locale(), "request.timeline.title", Messages.get(q.locale(), "request.type." + r[2]),
                        Messages.get(q.locale(), "request.source." + r[3]),
                        Messages.get(q.locale(), "request.status." + r[4])),
                (String) r[5], "service-requests/" + r[0])).toList();
    }
}
