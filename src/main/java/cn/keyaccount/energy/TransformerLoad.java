package cn.keyaccount.energy;

/**
 * Load rate and losses of a customer's transformers fed through one meter, loaded in proportion to their rating:
 * β = S_load / S_rated with S_load = P / cos φ; losses ΔP = P0 + β² Pk; economic load rate β_j = sqrt(P0 / Pk)
 * (GB/T 13462). The losses over the period add up ΔP of every interval with a reading.
 */
public record TransformerLoad(double ratedKva, double noLoadLossKw, double loadLossKw, double maxLoadRate,
                              double averageLoadRate, double economicLoadRate, LoadBand maxBand,
                              LoadBand averageBand, double lossKwh, double lossAtAverageKw) {

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

    public static TransformerLoad of(IntervalSeries s, double ratedKva, double p0, double pk, double cosPhi,
                                     AnalysisSettings settings) {
        double pf = cosPhi <= 0 ? 1 : cosPhi;
        double max = 0;
        double sum = 0;
        double lossKwh = 0;
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!s.present(i)) {
                continue;
            }
            double beta = s.kw(i) / pf / ratedKva;
            max = Math.max(max, beta);
            sum += beta;
            lossKwh += loss(beta, p0, pk) * 0.25;
            n++;
        }
        double avg = n == 0 ? 0 : sum / n;
        return new TransformerLoad(ratedKva, p0, pk, max, avg, economicRate(p0, pk),
                band(max, settings), band(avg, settings), lossKwh, loss(avg, p0, pk));
    }

    private static LoadBand band(double beta, AnalysisSettings s) {
        return LoadBand.of(beta, s.lightLoadBelow(), s.heavyLoadFrom(), s.overloadAbove());
    }
}
