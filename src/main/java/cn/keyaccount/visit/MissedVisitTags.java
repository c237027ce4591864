package cn.keyaccount.visit;

import cn.keyaccount.portrait.PortraitConfig;
import cn.keyaccount.portrait.PortraitTag;
import cn.keyaccount.portrait.TagCategory;
import cn.keyaccount.portrait.TagSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The portrait's missed-visits risk tag: at least {@code keyaccount.portrait.risk.missed-visits} visits planned in the
 * twelve months before the day that are past their date and still not done (planned or confirmed, never recorded),
 * with how many visits were planned in that time.
 */
@ApplicationScoped
class MissedVisitTags implements TagSource {

    private final EntityManager em;
    private final PortraitConfig config;

    MissedVisitTags(EntityManager em, PortraitConfig config) {
        this.em = em;
        this.config = config;
    }

    @Override
    public Map<Long, List<PortraitTag>> tags(Collection<Long> customerIds, LocalDate asOf) {
        Map<Long, List<PortraitTag>> out = new HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createQuery("select v.customer.id, sum(case when v.status in :open then 1 else 0 end), "
                        + "count(v) from Visit v where v.customer.id in :ids and v.plannedDate > :from "
                        + "and v.plannedDate < :asOf and v.status <> :cancelled group by v.customer.id", Object[].class)
                .setParameter("ids", customerIds).setParameter("open", List.of(VisitStatus.PLANNED,
                        VisitStatus.CONFIRMED)).setParameter("cancelled", VisitStatus.CANCELLED)
                .setParameter("from", asOf.minusYears(1)).setParameter("asOf", asOf).getResultList();
        for (Object[] r : rows) {
            long missed = ((Number) r[1]).longValue();
            if (missed >= config.risk().missedVisits()) {
                out.put((Long) r[0], List.of(new PortraitTag("MISSED_VISITS", TagCategory.RISK,
                        "visit.tag.missed", "visit.tag.missed.reason",
                        List.of((double) missed, ((Number) r[2]).doubleValue()))));
            }
        }
        return out;
    }
}
