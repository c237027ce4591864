package cn.keyaccount.servicerequest;

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
 * The portrait's complaints risk tag: a customer with at least {@code keyaccount.portrait.risk.complaints} complaints
 * opened in the twelve months up to the day, with their number and how many are still open.
 */
@ApplicationScoped
class ComplaintTags implements TagSource {

    private final EntityManager em;
    private final PortraitConfig config;
    private final Clock clock;

    ComplaintTags(EntityManager em, PortraitConfig config, Clock clock) {
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
        List<Object[]> rows = em.createQuery("select r.customer.id, count(r), sum(case when r.status <> :closed "
                        + "then 1 else 0 end) from ServiceRequest r where r.customer.id in :ids and r.type = :complaint "
                        + "and r.openedAt >= :from and r.openedAt < :to group by r.customer.id", Object[].class)
                .setParameter("ids", customerIds).setParameter("complaint", RequestType.COMPLAINT)
                .setParameter("closed", RequestStatus.CLOSED)
                .setParameter("from", asOf.minusYears(1).plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .setParameter("to", asOf.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
                .getResultList();
        for (Object[] r : rows) {
            long complaints = (Long) r[1];
            if (complaints >= config.risk().complaints()) {
                out.put((Long) r[0], List.of(new PortraitTag("COMPLAINTS", TagCategory.RISK,
                        "servicerequest.tag.complaints", "servicerequest.tag.complaints.reason",
                        List.of((double) complaints, ((Number) r[2]).doubleValue()))));
            }
        }
        return out;
    }
}
