package cn.keyaccount.portrait;

import cn.keyaccount.energy.IntervalSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A customer's typical day: for the whole year and each season, on working days and on rest days, the median of each
 * quarter hour over the days of that kind, divided by the curve's own mean (so 1.0 is the day's average load and the
 * curves of a 50 kW shop and a 50 MW plant compare).
 * <p>
 * <b>Why the median.</b> Interval data has the faults the import flags but keeps: spikes (a reading many times its
 * neighbours), gaps, a stuck meter, a plant stopped for a holiday week. A mean moves with every one of them (one spike
 * of 50 times the load in 60 days lifts that quarter hour by almost doubled); the median of a quarter hour does not
 * move until more than half of the days are off. Days missing more than a few readings are left out rather than
 * filled, and the normalised points are capped ({@link #MAX_POINT}) so that a customer's broken meter stays one odd
 * customer rather than pulling a cluster's centre (k-means averages). Pure: no database, no clock.
 */
public final class TypicalShapes {

    public static final int POINTS = IntervalSeries.PER_DAY;
    /** A normalised point above this is capped: 8 times the day's mean is beyond any real load shape. */
    static final float MAX_POINT = 8f;

    /**
     * @param minDays        usable days a customer needs for a shape (and a segment) at all: four weeks
     * @param minReadings    readings of 96 a day needs to be usable
     * @param minDaysOfKind  usable days a season's working-day or rest-day shape needs
     */
    public record Settings(int minDays, int minReadings, int minDaysOfKind) {
        public static final Settings DEFAULTS = new Settings(28, 90, 5);
    }

    /** One typical day: the period and kind of day, how many days it is the median of, 96 normalised points. */
    public record Shape(Season season, DayType dayType, int days, float[] points) {
    }

    /**
     * @param usableDays   days with enough readings and some consumption
     * @param shapes       the shapes there were enough days for (none when usableDays is under the minimum)
     * @param seasonLevels median daily energy of winter, spring/autumn and summer over that of all usable days, NaN
     *                     for a season without usable days
     * @param restLevel    median rest-day energy over median working-day energy, NaN when either kind is missing
     */
    public record Result(int usableDays, List<Shape> shapes, double[] seasonLevels, double restLevel) {

        public boolean enough(Settings settings) {
            return usableDays >= settings.minDays() && shape(Season.YEAR, DayType.WORKDAY) != null;
        }

        public Shape shape(Season season, DayType dayType) {
            for (Shape s : shapes) {
                if (s.season() == season && s.dayType() == dayType) {
                    return s;
                }
            }
            return null;
        }
    }

    private TypicalShapes() {
    }

    public static Result of(IntervalSeries series, Predicate<LocalDate> workday, Settings settings) {
        return of(CustomerYear.of(series), workday, settings);
    }

    /**
     * From a customer-year already summed ({@link CustomerYear}): the usable days grouped by period and kind of day
     * into index arrays (no boxing), the levels from the days' energies, each shape's medians by selection.
     */
    static Result of(CustomerYear year, Predicate<LocalDate> workday, Settings settings) {
        float[] kwh = year.series().kwh();
        int days = year.days();
        int types = DayType.values().length;
        Season[] seasons = Season.values();
        // the days' first indexes by period (season ordinal) and kind of day: group = season * types + type
        int[][] starts = new int[seasons.length * types][];
        int[] counts = new int[starts.length];
        double[] all = new double[days];
        double[][] bySeason = new double[seasons.length][];
        int[] seasonCounts = new int[seasons.length];
        double[][] byType = new double[types][];
        int[] typeCounts = new int[types];
        int usable = 0;
        for (int d = 0; d < days; d++) {
            int present = year.present(d);
            double sum = year.sum(d);
            if (present < settings.minReadings() || sum <= 0) {
                continue;
            }
            double energy = sum * POINTS / present;
            int base = d * POINTS;
            LocalDate date = year.date(d);
            int type = (workday.test(date) ? DayType.WORKDAY : DayType.REST_DAY).ordinal();
            int season = Season.of(date.getMonth()).ordinal();
            add(starts, counts, Season.YEAR.ordinal() * types + type, base, days);
            add(starts, counts, season * types + type, base, days);
            all[usable++] = energy;
            add(bySeason, seasonCounts, season, energy, days);
            add(byType, typeCounts, type, energy, days);
        }
        double[] levels = new double[Season.PARTS.length];
        Arrays.fill(levels, Double.NaN);
        double restLevel = Double.NaN;
        List<Shape> shapes = new ArrayList<>();
        if (usable >= settings.minDays()) {
            double overall = median(all, usable);
            for (Season s : Season.PARTS) {
                int n = seasonCounts[s.ordinal()];
                if (n > 0 && n >= settings.minDaysOfKind()) {
                    levels[s.part()] = median(bySeason[s.ordinal()], n) / overall;
                }
            }
            int work = typeCounts[DayType.WORKDAY.ordinal()];
            int rest = typeCounts[DayType.REST_DAY.ordinal()];
            if (work > 0 && rest > 0 && work >= settings.minDaysOfKind() && rest >= settings.minDaysOfKind()) {
                restLevel = median(byType[DayType.REST_DAY.ordinal()], rest)
                        / median(byType[DayType.WORKDAY.ordinal()], work);
            }
            float[] column = new float[Math.max(1, counts[Season.YEAR.ordinal() * types]
                    + counts[Season.YEAR.ordinal() * types + 1])];
            for (Season s : seasons) {
                for (DayType t : DayType.values()) {
                    int g = s.ordinal() * types + t.ordinal();
                    if (counts[g] > 0 && counts[g] >= settings.minDaysOfKind()) {
                        float[] points = medianCurve(kwh, starts[g], counts[g], column);
                        if (points != null) {
                            shapes.add(new Shape(s, t, counts[g], points));
                        }
                    }
                }
            }
        }
        return new Result(usable, List.copyOf(shapes), levels, restLevel);
    }

    private static void add(int[][] groups, int[] counts, int group, int value, int capacity) {
        if (groups[group] == null) {
            groups[group] = new int[capacity];
        }
        groups[group][counts[group]++] = value;
    }

    private static void add(double[][] groups, int[] counts, int group, double value, int capacity) {
        if (groups[group] == null) {
            groups[group] = new double[capacity];
        }
        groups[group][counts[group]++] = value;
    }

    /**
     * The median of each quarter hour over the n days starting at these indexes, normalised to its mean; null when
     * the curve sums to nothing. {@code column} is scratch space of at least n.
     */
    private static float[] medianCurve(float[] kwh, int[] starts, int days, float[] column) {
        float[] curve = new float[POINTS];
        double sum = 0;
        for (int k = 0; k < POINTS; k++) {
            int n = 0;
            for (int j = 0; j < days; j++) {
                float v = kwh[starts[j] + k];
                if (!Float.isNaN(v)) {
                    column[n++] = v;
                }
            }
            curve[k] = n == 0 ? 0 : median(column, n);
            sum += curve[k];
        }
        if (sum <= 0) {
            return null;
        }
        float mean = (float) (sum / POINTS);
        for (int k = 0; k < POINTS; k++) {
            curve[k] = Math.min(MAX_POINT, Math.max(0, curve[k] / mean));
        }
        return curve;
    }

    /**
     * The median of the first n values (n &gt; 0; reordered): the middle one, or the mean of the two middle ones, by
     * selection (Hoare's quickselect, expected linear) rather than a full sort. The same value as sorting would give.
     */
    static float median(float[] a, int n) {
        int mid = n / 2;
        float upper = select(a, n, mid);
        if (n % 2 == 1) {
            return upper;
        }
        // after the selection every value left of mid is at most a[mid]: the largest of them is the lower middle
        float lower = a[0];
        for (int i = 1; i < mid; i++) {
            if (a[i] > lower) {
                lower = a[i];
            }
        }
        return (lower + upper) / 2;
    }

    /** The k-th smallest of the first n values (0-based), leaving the ones left of k no larger and right no smaller. */
    static float select(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi - lo >= 16) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, lo, mid);
            }
            if (a[hi] < a[lo]) {
                swap(a, lo, hi);
            }
            if (a[hi] < a[mid]) {
                swap(a, mid, hi);
            }
            float pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k]; // between j and i every value equals the pivot
            }
        }
        for (int i = lo + 1; i <= hi; i++) { // insertion sort of the few left
            float v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[k];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The median of the first n values (n &gt; 0; sorted in place). */
    static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
