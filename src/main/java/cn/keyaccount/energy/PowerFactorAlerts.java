package cn.keyaccount.energy;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers in the viewer's reach whose monthly power factor ({@link PowerFactor#of}, as the energy page and the
 * report compute it) was below their standard (考核标准 0.90 / 0.85 / 0.80) in a month: for a manager's workbench. The
 * month's energy of every visible customer is summed in one statement over the interval data; the standards are read
 * for those below 0.90 only.
 */
@ApplicationScoped
public class PowerFactorAlerts {

    private static final BigDecimal HIGHEST_STANDARD = new BigDecimal("0.90");

    private final CustomerQueries customerQueries;
    private final CustomerService customers;
    private final EntityManager em;

    PowerFactorAlerts(CustomerQueries customerQueries, CustomerService customers, EntityManager em) {
        this.customerQueries = customerQueries;
        this.customers = customers;
        this.em = em;
    }

    /** A customer below its standard in the month. */
    public record PowerFactorSummary(long customerId, String customerName, BigDecimal powerFactor,
                                     BigDecimal standard) {
    }

    /** Every customer below its standard in {@code month}, lowest power factor first. */
    public List<PowerFactorSummary> belowStandard(Viewer viewer, YearMonth month) {
        List<Long> visible = customerQueries.visibleIds(viewer);
        if (visible.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery("select m.customer_id, sum(t.kwh), sum(t.kvarh) from meter m "
                        + "join meter_day d on d.meter_id = m.id cross join lateral (select "
                        + "(select coalesce(sum(x::float8), 0) from unnest(d.kwh) x) as kwh, "
                        + "(select coalesce(sum(y::float8), 0) from unnest(d.kvarh) y) as kvarh) t "
                        + "where m.customer_id = any(cast(?1 as bigint[])) and d.day >= ?2 and d.day <= ?3 "
                        + "group by m.customer_id")
                .setParameter(1, visible.toArray(Long[]::new)).setParameter(2, month.atDay(1))
                .setParameter(3, month.atEndOfMonth()).getResultList();
        Map<Long, BigDecimal> low = new HashMap<>();
        for (Object[] r : sums) {
            double kwh = ((Number) r[1]).doubleValue();
            double kvarh = ((Number) r[2]).doubleValue();
            if (kwh > 0) {
                BigDecimal pf = PowerFactor.of(kwh, kvarh);
                if (pf.compareTo(HIGHEST_STANDARD) < 0) {
                    low.put(((Number) r[0]).longValue(), pf);
                }
            }
        }
        return customers.detailsOf(viewer, List.copyOf(low.keySet())).stream()
                .filter(c -> low.get(c.id()).compareTo(c.powerFactorStandard()) < 0)
                .map(c -> new PowerFactorSummary(c.id(), c.name(), low.get(c.id()), c.powerFactorStandard()))
                .sorted(Comparator.comparing(PowerFactorSummary::powerFactor).thenComparing(
                        PowerFactorSummary::customerName))
                .toList();
    }
}
