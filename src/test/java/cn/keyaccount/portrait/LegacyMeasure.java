package cn.keyaccount.portrait;

import cn.keyaccount.energy.IntervalSeries;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The portrait's per-customer measure as it was before the one-pass rewrite (commit 774c83b: TypicalShapes.of and
 * CustomerFigures.of, copied unchanged but for names): the oracle {@code MeasureUnchangedTest} compares the
 * rewritten code with, and the "before" of {@code PortraitComputeBenchmark}. Boxes, maps and a LocalDate per reading;
 * not for production.
 */
final class LegacyMeasure {

    private static final int TREND_DAYS = 90;

    private LegacyMeasure() {
    }

    static TypicalShapes.Result shapes(IntervalSeries series, Predicate<LocalDate> workday,
                                       TypicalShapes.Settings settings) {
        float[] kwh = series.kwh();
        Map<Season, Map<DayType, List<Integer>>> days = new EnumMap<>(Season.class);
        List<Double> all = new ArrayList<>();
        Map<Season, List<Double>> bySeason = new EnumMap<>(Season.class);
        Map<DayType, List<Double>> byType = new EnumMap<>(DayType.class);
        for (int d = 0; d < series.days(); d++) {
            int base = d * TypicalShapes.POINTS;
            int present = 0;
            double sum = 0;
            for (int k = 0; k < TypicalShapes.POINTS; k++) {
                float v = kwh[base + k];
                if (!Float.isNaN(v)) {
                    present++;
                    sum += v;
                }
            }
            if (present < settings.minReadings() || sum <= 0) {
                continue;
            }
            double energy = sum * TypicalShapes.POINTS / present;
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
        List<TypicalShapes.Shape> shapes = new ArrayList<>();
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
                        shapes.add(new TypicalShapes.Shape(season, type, starts.size(), points));
                    }
                }
            }));
        }
        return new TypicalShapes.Result(usable, List.copyOf(shapes), levels, restLevel);
    }

    /** The median of each quarter hour over the days starting at these indexes, normalised to its mean. */
    private static float[] medianCurve(float[] kwh, List<Integer> starts) {
        float[] column = new float[starts.size()];
        float[] curve = new float[TypicalShapes.POINTS];
        double sum = 0;
        for (int k = 0; k < TypicalShapes.POINTS; k++) {
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
        float mean = (float) (sum / TypicalShapes.POINTS);
        for (int k = 0; k < TypicalShapes.POINTS; k++) {
            curve[k] = Math.min(TypicalShapes.MAX_POINT, Math.max(0, curve[k] / mean));
        }
        return curve;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static CustomerFigures figures(IntervalSeries s, TypicalShapes.Result shapes, double capacityKva,
                                   double annualKwh, double growthRate) {
        Map<Figure, Double> f = new EnumMap<>(Figure.class);
        f.put(Figure.ANNUAL_KWH, annualKwh);
        f.put(Figure.GROWTH_RATE, growthRate);
        float[] kwh = s.kwh();
        float[] kvarh = s.kvarh();
        double sum = 0;
        double sumQ = 0;
        double max = 0;
        int present = 0;
        boolean reactive = false;
        Map<YearMonth, double[]> byMonth = new TreeMap<>(); // max kW, kWh, kvarh, reactive readings
        for (int i = 0; i < kwh.length; i++) {
            if (Float.isNaN(kwh[i])) {
                continue;
            }
            present++;
            sum += kwh[i];
            max = Math.max(max, kwh[i] * 4.0);
            double[] m = byMonth.computeIfAbsent(YearMonth.from(s.day(i)), x -> new double[4]);
            m[0] = Math.max(m[0], kwh[i] * 4.0);
            m[1] += kwh[i];
            if (!Float.isNaN(kvarh[i])) {
                sumQ += kvarh[i];
                m[2] += kvarh[i];
                m[3]++;
                reactive |= kvarh[i] != 0;
            }
        }
        if (present > 0 && max > 0) {
            f.put(Figure.LOAD_FACTOR, sum * 4.0 / present / max);
        }
        if (reactive) {
            f.put(Figure.POWER_FACTOR, sum / Math.hypot(sum, sumQ));
        }
        TypicalShapes.Shape work = shapes.shape(Season.YEAR, DayType.WORKDAY);
        if (work != null) {
            double[] h = ShapeNamer.hourly(work.points());
            double hi = 0;
            double lo = Double.MAX_VALUE;
            double day = 0;
            for (int i = 0; i < 24; i++) {
                hi = Math.max(hi, h[i]);
                lo = Math.min(lo, h[i]);
                if (i >= 8 && i < 17) {
                    day += h[i];
                }
            }
            f.put(Figure.PEAK_VALLEY_RATIO, hi / Math.max(lo, 0.01));
            f.put(Figure.NIGHT_BASE, (h[1] + h[2] + h[3] + h[4]) / 4);
            f.put(Figure.DAYTIME_SHARE, day / 24);
        }
        List<CustomerFigures.Month> months = new ArrayList<>();
        List<YearMonth> keys = new ArrayList<>(byMonth.keySet());
        for (YearMonth ym : keys.subList(Math.max(0, keys.size() - CustomerFigures.MONTHS), keys.size())) {
            double[] m = byMonth.get(ym);
            months.add(new CustomerFigures.Month(ym, capacityKva > 0 ? m[0] / capacityKva : Double.NaN,
                    m[3] > 0 && (m[1] > 0 || m[2] > 0) ? m[1] / Math.hypot(m[1], m[2]) : Double.NaN));
        }
        if (capacityKva > 0 && !months.isEmpty()) {
            f.put(Figure.MAX_DEMAND_SHARE, months.stream().mapToDouble(CustomerFigures.Month::maxDemandShare).max()
                    .orElseThrow());
        }
        Double trend = trend(s);
        if (trend != null) {
            f.put(Figure.CONSUMPTION_TREND, trend);
        }
        return new CustomerFigures(f, months);
    }

    /** Median daily energy of the last 90 days with readings over the 90 before (each needs 30 such days). */
    private static Double trend(IntervalSeries s) {
        List<Double> recent = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        LocalDate last = s.day(s.size() - 1);
        for (int d = s.days() - 1; d >= 0; d--) {
            LocalDate day = s.day(d * IntervalSeries.PER_DAY);
            long ago = last.toEpochDay() - day.toEpochDay();
            if (ago >= 2L * TREND_DAYS) {
                break;
            }
            double e = 0;
            int n = 0;
            for (int k = 0; k < IntervalSeries.PER_DAY; k++) {
                float v = s.kwh()[d * IntervalSeries.PER_DAY + k];
                if (!Float.isNaN(v)) {
                    e += v;
                    n++;
                }
            }
            if (n >= 90) {
                (ago < TREND_DAYS ? recent : before).add(e * IntervalSeries.PER_DAY / n);
            }
        }
        if (recent.size() < 30 || before.size() < 30) {
            return null;
        }
        double b = median(before);
        return b <= 0 ? null : median(recent) / b;
    }
}
