package cn.keyaccount.supplyplan;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelineQuery;
import cn.keyaccount.customer.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * The customer timeline's supply plans: every workflow step of the customer's plans (created, submitted, approved,
 * sent back …) from the plans' transition history. A step has no id of its own; plan id × 1000 + position is one
 * (a plan has a few dozen steps at most). SQL, because the history is an element collection.
 */
@ApplicationScoped
class PlanTimeline implements TimelineSource {

    private static final String STEP = "(p.id * 1000 + t.position)";

    private final EntityManager em;

    PlanTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.PLAN;
    }

    @Override
    public String key() {
        return "plan";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        Query query = em.createNativeQuery("select " + STEP + ", t.at, p.id, p.title, p.revision, t.action, "
                + "t.to_status, t.actor, t.comment from supply_plan_transition t join supply_plan p on p.id = t.plan_id "
                + "where p.customer_id = :customerTimelineCustomer and " + q.where("t.at", STEP)
                + " order by t.at desc, " + STEP + " desc");
        q.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(q.limit()).getResultList();
        return rows.stream().map(r -> entry(r, q)).toList();
    }

    private TimelineEntry entry(Object[] r, TimelineQuery q) {
        String title = Messages.get(q.locale(), "plan.timeline.title",
                Messages.get(q.locale(), "plan.action." + r[5]), r[3], ((Number) r[4]).intValue());
        String comment = (String) r[8];
        String detail = Messages.get(q.locale(), "plan.timeline.detail", r[7],
                Messages.get(q.locale(), "plan.status." + r[6]))
                + (comment == null || comment.isBlank() ? "" : " · " + comment);
        return new TimelineEntry(TimelineEntry.sqlMoment(r[1]), TimelineKind.PLAN, key(), ((Number) r[0]).longValue(), title, detail,
                "plans/" + ((Number) r[2]).longValue());
    }
}
