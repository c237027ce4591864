package cn.keyaccount.portrait;

import cn.keyaccount.energy.IntervalSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
        float[] kwh = series.kwh();
        Map<Season, Map<DayType, List<Integer>>> days = new EnumMap<>(Season.class);
        List<Double> all = new ArrayList<>();
        Map<Season, List<Double>> bySeason = new EnumMap<>(Season.class);
        Map<DayType, List<Double>> byType = new EnumMap<>(DayType.class);
        for (int d = 0; d < series.days(); d++) {
            int base = d * POINTS;
            int present = 0;
            double sum = 0;
            for (int k = 0; k < POINTS; k++) {
                float v = kwh[base + k];
                if (!Float.isNaN(v)) {
                    present++;
                    sum += v;
                }
            }
            if (present < settings.minReadings() || sum <= 0) {
                continue;
            }
            double energy = sum * POINTS / present;
            LocalDate date = series.day(base);
            DayType type = workday.test(date) ? DayType.WORKDAY : DayType.REST_DAY;
            Season season = Season.of(date.getMonth());
            for (Season s : new Season[] {Season.YEAR, season}) {
                days.computeIfAbsent(s, x -> new EnumMap<>(DayType.class)).computeIfAbsent(type,
                        x -> new ArrayList<>()).add(base);
            }
            all.add(energy);
            bySeason.computeIfAbsent(season, x -> new ArrayList<>()).add(energy);
            byType.computeIfAbsent(type, x -> new ArrayList<>()).add(energy);
        }
        int usable = all.size();
        double[] levels = new double[Season.PARTS.length];
        Arrays.fill(levels, Double.NaN);
        double restLevel = Double.NaN;
        List<Shape> shapes = new ArrayList<>();
        if (usable >= settings.minDays()) {
            double overall = median(all);
            for (Season s : Season.PARTS) {
                List<Double> e = bySeason.get(s);
                if (e != null && e.size() >= settings.minDaysOfKind()) {
                    levels[s.part()] = median(e) / overall;
                }
            }
            List<Double> work = byType.get(DayType.WORKDAY);
            List<Double> rest = byType.get(DayType.REST_DAY);
            if (work != null && rest != null && work.size() >= settings.minDaysOfKind()
                    && rest.size() >= settings.minDaysOfKind()) {
                restLevel = median(rest) / median(work);
            }
            days.forEach((season, types) -> types.forEach((type, starts) -> {
                if (starts.size() >= settings.minDaysOfKind()) {
                    float[] points = medianCurve(kwh, starts);
                    if (points != null) {
                        shapes.add(new Shape(season, type, starts.size(), points));
                    }
                }
            }));
        }
        return new Result(usable, List.copyOf(shapes), levels, restLevel);
    }

    /** The median of each quarter hour over the days starting at these indexes, normalised to its mean. */
    private static float[] medianCurve(float[] kwh, List<Integer> starts) {
        float[] column = new float[starts.size()];
        float[] curve = new float[POINTS];
        double sum = 0;
        for (int k = 0; k < POINTS; k++) {
            int n = 0;
            for (int start : starts) {
                float v = kwh[start + k];
                if (!Float.isNaN(v)) {
                    column[n++] = v;
                }
            }
            Arrays.sort(column, 0, n);
            curve[k] = n == 0 ? 0 : (n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2);
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

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
