package cn.keyaccount.portrait;

import cn.keyaccount.energy.IntervalSeries;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers a customer's tags and peer comparison rest on, from its year of readings, its typical days and its
 * record. A figure that cannot be had (no reactive readings, no capacity, too few days) is absent rather than zero.
 * Pure.
 *
 * @param figures the figures there are
 * @param months  the last six months with readings, oldest first: maximum demand share of capacity and power factor
 */
public record CustomerFigures(Map<Figure, Double> figures, List<Month> months) {

    /** One month: its maximum 15-minute demand over the operating capacity, and its power factor (NaN: unknown). */
    public record Month(YearMonth month, double maxDemandShare, double powerFactor) {
    }

    static final int MONTHS = 6;
    private static final int TREND_DAYS = 90;

    public Double get(Figure f) {
        return figures.get(f);
    }

    /**
     * @param capacityKva the operating capacity (0 or less: no demand share)
     */
    public static CustomerFigures of(IntervalSeries s, TypicalShapes.Result shapes, double capacityKva,
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
        List<Month> months = new ArrayList<>();
        List<YearMonth> keys = new ArrayList<>(byMonth.keySet());
        for (YearMonth ym : keys.subList(Math.max(0, keys.size() - MONTHS), keys.size())) {
            double[] m = byMonth.get(ym);
            months.add(new Month(ym, capacityKva > 0 ? m[0] / capacityKva : Double.NaN,
                    m[3] > 0 && (m[1] > 0 || m[2] > 0) ? m[1] / Math.hypot(m[1], m[2]) : Double.NaN));
        }
        if (capacityKva > 0 && !months.isEmpty()) {
            f.put(Figure.MAX_DEMAND_SHARE, months.stream().mapToDouble(Month::maxDemandShare).max().orElseThrow());
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
        double b = TypicalShapes.median(before);
        return b <= 0 ? null : TypicalShapes.median(recent) / b;
    }
}
