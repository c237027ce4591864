package cn.keyaccount.application;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelineQuery;
import cn.keyaccount.customer.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/** The customer's applications on its activity timeline: one entry each, when it was accepted, with where it is. */
@ApplicationScoped
class ApplicationTimeline implements TimelineSource {

    private final EntityManager em;

    ApplicationTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.APPLICATION;
    }

    @Override
    public String key() {
        return "application";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        Query query = em.createNativeQuery("select a.id, a.created_at, a.number, a.kind, a.status, a.current_step, "
                + "a.used_days, a.limit_days from connection_application a where a.customer_id = "
                + ":customerTimelineCustomer and " + q.where("a.created_at", "a.id")
                + " order by a.created_at desc, a.id desc");
        q.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(q.limit()).getResultList();
        return rows.stream().map(r -> {
            String title = Messages.get(q.locale(), "application.timeline", r[2],
                    Messages.get(q.locale(), "application.kind." + r[3]));
            String where = r[5] == null ? Messages.get(q.locale(), "application.status." + r[4])
                    : Messages.get(q.locale(), "application.step." + r[5]);
            String detail = where + " · " + Messages.get(q.locale(), "application.used-days",
                    ((Number) r[6]).intValue(), ((Number) r[7]).intValue());
            return new TimelineEntry(TimelineEntry.sqlMoment(r[1]), TimelineKind.APPLICATION, key(),
                    ((Number) r[0]).longValue(), title, detail, "applications/" + ((Number) r[0]).longValue());
        }).toList();
    }
}
