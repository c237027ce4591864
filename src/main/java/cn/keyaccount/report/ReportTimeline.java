package cn.keyaccount.report;

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

/** The customer timeline's issued reports: each issue of an energy report, at the moment it was generated. */
@ApplicationScoped
class ReportTimeline implements TimelineSource {

    private final EntityManager em;

    ReportTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.REPORT;
    }

    @Override
    public String key() {
        return "report";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        TypedQuery<Object[]> query = em.createQuery("select r.id, r.generatedAt, r.period, r.issue, r.origin, "
                + "r.generatedBy, r.healthScore from EnergyReport r where r.customerId = :customerTimelineCustomer and "
                + q.where("r.generatedAt", "r.id") + " order by r.generatedAt desc, r.id desc", Object[].class);
        q.parameters().forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList().stream().map(r -> new TimelineEntry(
                (OffsetDateTime) r[1], TimelineKind.REPORT, key(), (Long) r[0],
                Messages.get(q.locale(), "report.timeline.issued", r[2], r[3]),
                Messages.get(q.locale(), "report.timeline.issued-detail",
                        Messages.get(q.locale(), "report.timeline.origin." + r[4]), r[5], r[6]),
                TimelineEntry.customerTab(q.customerId(), "report.tab"))).toList();
    }
}
