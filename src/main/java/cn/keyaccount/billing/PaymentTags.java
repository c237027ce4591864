package cn.keyaccount.billing;

import cn.keyaccount.portrait.PortraitConfig;
import cn.keyaccount.portrait.PortraitTag;
import cn.keyaccount.portrait.TagCategory;
import cn.keyaccount.portrait.TagSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The portrait's payment risk tags, from the bills in one statement: ARREARS when the bills past their due date and
 * not paid on the day (no payment date, as the arrears reminders count them) add up to {@code keyaccount.portrait.risk.arrears-amount} or more (the amount, the bills, the
 * oldest's days overdue); LATE_PAYMENTS when at least {@code keyaccount.portrait.risk.late-payments} bills due in the
 * last twelve months were paid after their due date (of how many).
 */
@ApplicationScoped
class PaymentTags implements TagSource {

    private final EntityManager em;
    private final PortraitConfig config;

    PaymentTags(EntityManager em, PortraitConfig config) {
        this.em = em;
        this.config = config;
    }

    @Override
    public Map<Long, List<PortraitTag>> tags(Collection<Long> customerIds, LocalDate asOf) {
        Map<Long, List<PortraitTag>> out = new HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createQuery("select b.customerId, "
                        + "sum(case when b.dueDate < :asOf and (b.paidAt is null or b.paidAt > :asOf) "
                        + "then b.total else 0 end), "
                        + "sum(case when b.dueDate < :asOf and (b.paidAt is null or b.paidAt > :asOf) then 1 else 0 end), "
                        + "min(case when b.dueDate < :asOf and (b.paidAt is null or b.paidAt > :asOf) then b.dueDate end), "
                        + "sum(case when b.dueDate > :yearAgo and b.paidAt is not null and b.paidAt <= :asOf "
                        + "and b.paidAt > b.dueDate then 1 else 0 end), "
                        + "sum(case when b.dueDate > :yearAgo and b.dueDate <= :asOf then 1 else 0 end) "
                        + "from Bill b where b.customerId in :ids group by b.customerId", Object[].class)
                .setParameter("ids", customerIds).setParameter("asOf", asOf)
                .setParameter("yearAgo", asOf.minusYears(1)).getResultList();
        for (Object[] r : rows) {
            List<PortraitTag> tags = new ArrayList<>();
            BigDecimal owed = (BigDecimal) r[1];
            if (owed != null && owed.doubleValue() >= config.risk().arrearsAmount() && owed.signum() > 0) {
                long days = asOf.toEpochDay() - ((LocalDate) r[3]).toEpochDay();
                tags.add(new PortraitTag("ARREARS", TagCategory.RISK, "billing.tag.arrears",
                        "billing.tag.arrears.reason", List.of(owed.doubleValue(), ((Number) r[2]).doubleValue(),
                        (double) days)));
            }
            long late = ((Number) r[4]).longValue();
            if (late >= config.risk().latePayments()) {
                tags.add(new PortraitTag("LATE_PAYMENTS", TagCategory.RISK, "billing.tag.late-payments",
                        "billing.tag.late-payments.reason", List.of((double) late, ((Number) r[5]).doubleValue())));
            }
            if (!tags.isEmpty()) {
                out.put((Long) r[0], tags);
            }
        }
        return out;
    }
}
