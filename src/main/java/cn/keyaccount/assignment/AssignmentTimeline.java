package cn.keyaccount.assignment;

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

/** The customer timeline's assignments: each change of the customer's manager, from the assignment history. */
@ApplicationScoped
class AssignmentTimeline implements TimelineSource {

    private final EntityManager em;

    AssignmentTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.ASSIGNMENT;
    }

    @Override
    public String key() {
        return "assignment";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        TypedQuery<Object[]> query = em.createQuery("select a.id, a.validFrom, m.displayName, b.displayName, "
                + "a.assignedBy, a.reason from Assignment a join a.manager m left join a.backupManager b "
                + "where a.customer.id = :customerTimelineCustomer and " + q.where("a.validFrom", "a.id")
                + " order by a.validFrom desc, a.id desc", Object[].class);
        q.parameters().forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList().stream().map(r -> new TimelineEntry(
                (OffsetDateTime) r[1], TimelineKind.ASSIGNMENT, key(), (Long) r[0],
                r[3] == null ? Messages.get(q.locale(), "assignment.timeline.title", r[2])
                        : Messages.get(q.locale(), "assignment.timeline.title-backup", r[2], r[3]),
                Messages.get(q.locale(), "assignment.timeline.detail", r[4], r[5]),
                TimelineEntry.customerTab(q.customerId(), "customer.tab.assignments"))).toList();
    }
}
