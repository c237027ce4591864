package cn.keyaccount.report;

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
 * The customer timeline's report downloads: who fetched which issue in which format, and whether it was the customer.
 * SQL, because the download log has no entity (it is only ever appended to and counted).
 */
@ApplicationScoped
class ReportDownloadTimeline implements TimelineSource {

    private final EntityManager em;

    ReportDownloadTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.REPORT;
    }

    @Override
    public String key() {
        return "report-download";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        Query query = em.createNativeQuery("select d.id, d.downloaded_at, r.period, r.issue, d.format, d.username, "
                + "d.by_customer from energy_report_download d join energy_report r on r.id = d.report_id "
                + "where r.customer_id = :customerTimelineCustomer and " + q.where("d.downloaded_at", "d.id")
                + " order by d.downloaded_at desc, d.id desc");
        q.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(q.limit()).getResultList();
        return rows.stream().map(r -> new TimelineEntry(TimelineEntry.sqlMoment(r[1]), TimelineKind.REPORT, key(),
                ((Number) r[0]).longValue(),
                Messages.get(q.locale(), "report.timeline.downloaded", r[2], ((Number) r[3]).intValue(), r[4]),
                Messages.get(q.locale(), Boolean.TRUE.equals(r[6]) ? "report.timeline.by-customer"
                        : "report.timeline.by-staff", r[5]),
                TimelineEntry.customerTab(q.customerId(), "report.tab"))).toList();
    }
}
