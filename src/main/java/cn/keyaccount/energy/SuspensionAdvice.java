package cn.keyaccount.energy;

import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.TransformerHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Taking an under-loaded transformer out of service in the low season (暂停), or for good when the others carry the
 * load all year (减容), to save its basic charge by capacity. Pure: no database, no clock.
 *
 * <p>A month is low season for a transformer when the customer's largest apparent load of the month (maximum demand
 * over the month's power factor) stays within {@code loadLimit} (the upper edge of the economic band) of the other
 * transformers' capacity, and the month holds readings for all its days. The proposal is the consecutive low-season
 * months, at most six (a year's suspension is limited to six months), that save most; all twelve months low season
 * propose a 减容 instead. What it saves is computed by the same rules as the bill ({@link CapacityInService}): the
 * compared months billed as today less billed with the proposal.
 */
final class SuspensionAdvice {

    /** The longest suspension proposed: a year allows six months of them. */
    static final int MAX_MONTHS = 6;

    /**
     * @param kind      SUSPENSION or CAPACITY_REDUCTION
     * @param current   the compared months' basic charge as billed today
     * @param proposed  the same months with the transformer out of service from {@code from} to {@code to}
     */
    record Proposal(Recommendation.Kind kind, TransformerHistory transformer, YearMonth from, YearMonth to,
                    BigDecimal current, BigDecimal proposed, int days) {
    }

    private SuspensionAdvice() {
    }

    /**
     * @param months the compared months' figures (for their power factor and completeness), aligned with
     *               {@code basic}
     */
    static Optional<Proposal> best(List<MonthFigures> months, List<BasicChargeRules.Month> basic,
                                   BigDecimal capacityKva, CapacityInService inService, double loadLimit) {
        List<TransformerHistory> all = inService.transformers();
        if (all.size() < 2 || basic.isEmpty()) {
            return Optional.empty();
        }
        int n = basic.size();
        BigDecimal current = total(basic, capacityKva, inService, null, 0, -1);
        int days = basic.stream().mapToInt(BasicChargeRules.Month::daysCovered).sum();
        LocalDate first = basic.getFirst().month().atDay(1);
        LocalDate last = basic.getLast().month().atEndOfMonth();
        Proposal best = null;
        for (TransformerHistory t : all) {
            if (t.suspensions().stream().anyMatch(s -> !s.from().isAfter(last)
                    && (s.to() == null || !s.to().isBefore(first)))) {
                continue;
            }
            double others = all.stream().filter(o -> o != t)
                    .mapToDouble(o -> o.transformer().ratedKva().doubleValue()).sum();
            boolean[] low = new boolean[n];
            int lowCount = 0;
            for (int k = 0; k < n; k++) {
                MonthFigures m = months.get(k);
                double pf = m.powerFactor() == null ? 0 : m.powerFactor().doubleValue();
                low[k] = !m.partial() && pf > 0 && m.maxDemandKw().doubleValue() / pf <= loadLimit * others;
                lowCount += low[k] ? 1 : 0;
            }
            if (lowCount == 12 && n == 12) {
                BigDecimal proposed = total(basic, capacityKva, inService, t, 0, n - 1);
                best = better(best, new Proposal(Recommendation.Kind.CAPACITY_REDUCTION, t, basic.getFirst().month(),
                        basic.getLast().month(), current, proposed, days));
                continue;
            }
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n && b < a + MAX_MONTHS && low[b]; b++) {
                    BigDecimal proposed = total(basic, capacityKva, inService, t, a, b);
                    best = better(best, new Proposal(Recommendation.Kind.SUSPENSION, t, basic.get(a).month(),
                            basic.get(b).month(), current, proposed, days));
                }
            }
        }
        return Optional.ofNullable(best).filter(p -> p.current().compareTo(p.proposed()) > 0);
    }

    private static Proposal better(Proposal a, Proposal b) {
        return a == null || b.current().subtract(b.proposed()).compareTo(a.current().subtract(a.proposed())) > 0
                ? b : a;
    }

    /**
     * The months' basic charge by capacity, with {@code t} (when given) out of service from the first day of month
     * {@code a} to the last of month {@code b}: suspended, or (all months) taken out for good.
     */
    private static BigDecimal total(List<BasicChargeRules.Month> basic, BigDecimal capacityKva,
                                    CapacityInService inService, TransformerHistory t, int a, int b) {
        CapacityInService with = t == null ? inService
                : inService.withSuspension(t.transformer().id(), basic.get(a).month().atDay(1),
                        basic.get(b).month().atEndOfMonth());
        boolean forGood = t != null && a == 0 && b == basic.size() - 1 && basic.size() == 12;
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (BasicChargeRules.Month m : basic) {
            BigDecimal kva = forGood ? inService.billedWithout(capacityKva, m.month(), Set.of(t.transformer().id()))
                    : with.billed(capacityKva, m.month());
            BasicChargeRules.Month proposed = new BasicChargeRules.Month(m.month(), m.maxDemandKw(), m.daysCovered(),
                    m.daysInMonth(), m.prices(), kva);
            sum = sum.add(proposed.charge(BasicChargeMode.CAPACITY, capacityKva, BigDecimal.ZERO));
        }
        return sum;
    }
}
