package cn.keyaccount.outage;

import cn.keyaccount.portrait.PortraitConfig;
import cn.keyaccount.portrait.PortraitTag;
import cn.keyaccount.portrait.TagCategory;
import cn.keyaccount.portrait.TagSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The portrait's outages risk tag: at least {@code keyaccount.portrait.risk.outages} outages (not cancelled) that cut
 * the customer off or took one of its sources, started this year up to the day; with how many were faults and the
 * hours they lasted together.
 */
@ApplicationScoped
class OutageTags implements TagSource {

    private final EntityManager em;
    private final PortraitConfig config;
    private final Clock clock;

    OutageTags(EntityManager em, PortraitConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Map<Long, List<PortraitTag>> tags(Collection<Long> customerIds, LocalDate asOf) {
        Map<Long, List<PortraitTag>> out = new HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createQuery("select a.customerId, count(o), "
                        + "sum(case when o.kind = :fault then 1 else 0 end), "
                        + "sum(extract(epoch from coalesce(o.restorationAt, o.endsAt)) - extract(epoch from o.startsAt)) "
                        + "from AffectedCustomer a join Outage o on o.id = a.outageId where a.customerId in :ids "
                        + "and o.status <> :cancelled and o.startsAt >= :from and o.startsAt < :to "
                        + "group by a.customerId", Object[].class)
                .setParameter("ids", customerIds).setParameter("fault", OutageKind.FAULT)
                .setParameter("cancelled", OutageStatus.CANCELLED)
                .setParameter("from", asOf.withDayOfYear(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .setParameter("to", asOf.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .getResultList();
        for (Object[] r : rows) {
            long outages = (Long) r[1];
            if (outages >= config.risk().outages()) {
                double hours = r[3] == null ? 0 : ((Number) r[3]).doubleValue() / 3600.0;
                out.put((Long) r[0], List.of(new PortraitTag("OUTAGES", TagCategory.RISK, "outage.tag.outages",
                        "outage.tag.outages.reason", List.of((double) outages, ((Number) r[2]).doubleValue(),
                        Math.round(hours * 10) / 10.0))));
            }
        }
        return out;
    }
}
