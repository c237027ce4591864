package cn.keyaccount.energy;

import java.util.List;

/**
 * Load rate and losses of one transformer, or of all of a customer's transformers together: β = S_load / S_rated with
 * S_load = P / cos φ (cos φ of the energy that loads it over the period); losses ΔP = P0 + β² Pk; economic load rate
 * β_j = sqrt(P0 / Pk) (GB/T 13462). The losses over the period add up ΔP of every interval with a reading.
 *
 * @param basis     where the load comes from: the transformer's own meters, its share by rating of the meters mapped
 *                  to no transformer, or (the customer total) every meter of the customer
 * @param intervals the intervals with a reading; none when nothing measures the transformer (its rates, bands and
 *                  losses then say nothing, the bands are null)
 */
public record TransformerLoad(String name, Basis basis, double ratedKva, double noLoadLossKw, double loadLossKw,
                              int intervals, double maxLoadRate, double averageLoadRate, double economicLoadRate,
                              LoadBand maxBand, LoadBand averageBand, double lossKwh, double lossAtAverageKw) {

    /** Where a transformer's load figures come from. */
    public enum Basis {
        /** The meters mapped to it. */
        METERED,
        /**
         * It has no meter of its own: it carries the load of the customer's meters that are mapped to no transformer,
         * shared among the transformers without a meter in proportion to their rated kVA (按容量分摊).
         */
        SHARED_BY_RATING,
        /** The customer's transformers together, loaded by all of the customer's meters. */
        CUSTOMER_TOTAL
    }

    /** The bands used in practice; limits configurable (AnalysisSettings). */
    public enum LoadBand {
        LIGHT, ECONOMIC, HEAVY, OVERLOAD;

        /** Light below lightBelow, economic up to (not including) heavyFrom, heavy up to and including 100 %. */
        public static LoadBand of(double beta, double lightBelow, double heavyFrom, double overloadAbove) {
            if (beta > overloadAbove) {
                return OVERLOAD;
            }
            if (beta >= heavyFrom) {
                return HEAVY;
            }
            return beta < lightBelow ? LIGHT : ECONOMIC;
        }
    }

    public static double loss(double beta, double p0, double pk) {
        return p0 + beta * beta * pk;
    }

    public static double economicRate(double p0, double pk) {
        return Math.sqrt(p0 / pk);
    }

    /**
     * One transformer loaded by {@code share} of the series' power (1 for its own meters, its part of the unmapped
     * meters when shared by rating).
     */
    public static TransformerLoad of(String name, Basis basis, IntervalSeries s, double share, double ratedKva,
                                     double p0, double pk, AnalysisSettings settings) {
        double perKva = share / powerFactor(s) / ratedKva;
        double max = 0;
        double sum = 0;
        double lossKwh = 0;
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!s.present(i)) {
                continue;
            }
            double beta = s.kw(i) * perKva;
            max = Math.max(max, beta);
            sum += beta;
            lossKwh += loss(beta, p0, pk) * 0.25;
            n++;
        }
        double avg = n == 0 ? 0 : sum / n;
        return new TransformerLoad(name, basis, ratedKva, p0, pk, n, max, avg, economicRate(p0, pk),
                band(n, max, settings), band(n, avg, settings), lossKwh, n == 0 ? 0 : loss(avg, p0, pk));
    }

    /**
     * The customer's transformers together: their ratings and losses added up, the load rate the customer's whole load
     * over the rating of all of them. Its losses are the sum of each transformer's, so that the total row equals its
     * rows; a meter mapped to no transformer while every transformer has meters of its own loads the total only.
     */
    public static TransformerLoad total(List<TransformerLoad> each, IntervalSeries customer,
                                        AnalysisSettings settings) {
        double kva = each.stream().mapToDouble(TransformerLoad::ratedKva).sum();
        double p0 = each.stream().mapToDouble(TransformerLoad::noLoadLossKw).sum();
        double pk = each.stream().mapToDouble(TransformerLoad::loadLossKw).sum();
        TransformerLoad whole = of(null, Basis.CUSTOMER_TOTAL, customer, 1, kva, p0, pk, settings);
        return new TransformerLoad(null, Basis.CUSTOMER_TOTAL, kva, p0, pk, whole.intervals(), whole.maxLoadRate(),
                whole.averageLoadRate(), whole.economicLoadRate(), whole.maxBand(), whole.averageBand(),
                each.stream().mapToDouble(TransformerLoad::lossKwh).sum(),
                each.stream().mapToDouble(TransformerLoad::lossAtAverageKw).sum());
    }

    /** Whether a meter measured the load (its own, or unmapped ones it shares). */
    public boolean measured() {
        return intervals > 0;
    }

    /** The period's power factor of the energy in the series (1 when there is none). */
    private static double powerFactor(IntervalSeries s) {
        double kwh = 0;
        double kvarh = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.present(i)) {
                kwh += s.kwh()[i];
                if (!Float.isNaN(s.kvarh()[i])) {
                    kvarh += s.kvarh()[i];
                }
            }
        }
        double pf = PowerFactor.of(kwh, kvarh).doubleValue();
        return pf <= 0 ? 1 : pf;
    }

    private static LoadBand band(int intervals, double beta, AnalysisSettings s) {
        return intervals == 0 ? null : LoadBand.of(beta, s.lightLoadBelow(), s.heavyLoadFrom(), s.overloadAbove());
    }
}
