package cn.keyaccount.portrait;

/**
 * Names a segment from its centre, in this order (the first that holds wins):
 * <ol>
 *   <li>{@link ShapeKind#SEASONAL}: the highest season's median daily energy at least {@code seasonalRatio} times the
 *   lowest's;</li>
 *   <li>{@link ShapeKind#CONTINUOUS}: the working day's lowest hour at least {@code continuousRatio} of its highest
 *   (a load factor over the day near one: three shifts or a process that never stops);</li>
 *   <li>{@link ShapeKind#NIGHT}: the night (22:00–06:00) average at least {@code nightRatio} times the day's
 *   (08:00–18:00);</li>
 *   <li>{@link ShapeKind#DOUBLE_PEAK}: two hourly peaks above the day's mean at least four hours apart, the lowest
 *   hour between them at most {@code dipRatio} of the smaller peak;</li>
 *   <li>{@link ShapeKind#EVENING_PEAK}: the highest hour between 17:00 and 23:00;</li>
 *   <li>otherwise {@link ShapeKind#DAYTIME_PEAK}.</li>
 * </ol>
 * A centre whose rest days use under {@code weekendRatio} of a working day's energy is also "reduced at weekends".
 * The thresholds are settings ({@code keyaccount.portrait.naming.*}). Pure.
 */
public final class ShapeNamer {

    public record Settings(double seasonalRatio, double continuousRatio, double nightRatio, double dipRatio,
                           double weekendRatio) {
        public static final Settings DEFAULTS = new Settings(1.5, 0.6, 1.15, 0.85, 0.6);
    }

    private final Settings settings;

    public ShapeNamer(Settings settings) {
        this.settings = settings;
    }

    /** The kind of a centre: its working-day curve (96 points, mean 1) and its season levels (NaN where none). */
    public ShapeKind kind(float[] workday, double[] seasonLevels) {
        double hi = Double.NaN;
        double lo = Double.NaN;
        for (double l : seasonLevels) {
            if (!Double.isNaN(l)) {
                hi = Double.isNaN(hi) ? l : Math.max(hi, l);
                lo = Double.isNaN(lo) ? l : Math.min(lo, l);
            }
        }
        if (!Double.isNaN(hi) && lo > 0 && hi / lo >= settings.seasonalRatio()) {
            return ShapeKind.SEASONAL;
        }
        double[] h = hourly(workday);
        double max = 0;
        double min = Double.MAX_VALUE;
        int peak = 0;
        for (int i = 0; i < 24; i++) {
            if (h[i] > max) {
                max = h[i];
                peak = i;
            }
            min = Math.min(min, h[i]);
        }
        if (max > 0 && min / max >= settings.continuousRatio()) {
            return ShapeKind.CONTINUOUS;
        }
        double night = mean(h, 22, 24) * 2 / 8 + mean(h, 0, 6) * 6 / 8;
        if (night >= settings.nightRatio() * mean(h, 8, 18)) {
            return ShapeKind.NIGHT;
        }
        if (doublePeak(h)) {
            return ShapeKind.DOUBLE_PEAK;
        }
        return peak >= 17 && peak < 23 ? ShapeKind.EVENING_PEAK : ShapeKind.DAYTIME_PEAK;
    }

    /** Whether rest days use clearly less than working days (NaN: no rest days measured, so no). */
    public boolean reducedAtWeekends(double restLevel) {
        return !Double.isNaN(restLevel) && restLevel < settings.weekendRatio();
    }

    private boolean doublePeak(double[] h) {
        for (int a = 0; a < 24; a++) {
            if (!localPeak(h, a)) {
                continue;
            }
            for (int b = a + 4; b < 24; b++) {
                if (!localPeak(h, b)) {
                    continue;
                }
                double dip = Double.MAX_VALUE;
                for (int i = a + 1; i < b; i++) {
                    dip = Math.min(dip, h[i]);
                }
                if (dip <= settings.dipRatio() * Math.min(h[a], h[b])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An hour above the day's mean (1.0) and not below any hour within two of it. */
    private static boolean localPeak(double[] h, int i) {
        if (h[i] < 1.0) {
            return false;
        }
        for (int j = Math.max(0, i - 2); j <= Math.min(23, i + 2); j++) {
            if (h[j] > h[i]) {
                return false;
            }
        }
        return true;
    }

    static double[] hourly(float[] points) {
        double[] h = new double[24];
        for (int k = 0; k < points.length; k++) {
            h[k / 4] += points[k] / 4.0;
        }
        return h;
    }

    private static double mean(double[] h, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += h[i];
        }
        return s / (to - from);
    }
}
