package cn.keyaccount.energy;

/**
 * The tunable thresholds of the analysis (defaults in {@link #DEFAULTS}; the application reads them from
 * {@code keyaccount.energy.*}, see EnergyConfig).
 *
 * @param capacitorYuanPerKvar  installed cost of compensation per kvar
 * @param targetPowerFactor     the power factor the capacitor recommendation aims at
 * @param shiftableShare        share of peak and critical-peak energy assumed movable to the valley
 * @param spikeFactor           a reading is a spike above this multiple of both its neighbours and of the median
 * @param flatRunIntervals      this many equal non-zero readings in a row mean a stuck meter
 * @param nightBaseLoadLimit    night (01:00–05:00) average over the daily average above which the base load is flagged
 */
public record AnalysisSettings(double capacitorYuanPerKvar, double targetPowerFactor, double shiftableShare,
                               double spikeFactor, int flatRunIntervals, double nightBaseLoadLimit,
                               double lightLoadBelow, double heavyLoadFrom, double overloadAbove) {

    public static final AnalysisSettings DEFAULTS =
            new AnalysisSettings(150, 0.95, 0.15, 3.0, 16, 0.6, 0.30, 0.70, 1.00);
}
