package cn.keyaccount.portrait;

import cn.keyaccount.energy.IntervalSeries;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        return of(CustomerYear.of(s), shapes, capacityKva, annualKwh, growthRate);
    }

    /** From a customer-year already summed ({@link CustomerYear}); the same figures as from its series. */
    static CustomerFigures of(CustomerYear year, TypicalShapes.Result shapes, double capacityKva, double annualKwh,
                              double growthRate) {
        Map<Figure, Double> f = new EnumMap<>(Figure.class);
        f.put(Figure.ANNUAL_KWH, annualKwh);
        f.put(Figure.GROWTH_RATE, growthRate);
        double sum = year.total();
        double max = year.maxKw();
        if (year.presentTotal() > 0 && max > 0) {
            f.put(Figure.LOAD_FACTOR, sum * 4.0 / year.presentTotal() / max);
        }
        if (year.reactive()) {
            f.put(Figure.POWER_FACTOR, sum / Math.hypot(sum, year.reactiveTotal()));
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
        for (int i = Math.max(0, year.monthCount() - MONTHS); i < year.monthCount(); i++) {
            double[] m = year.monthly(i);
            months.add(new Month(year.month(i), capacityKva > 0 ? m[0] / capacityKva : Double.NaN,
                    m[3] > 0 && (m[1] > 0 || m[2] > 0) ? m[1] / Math.hypot(m[1], m[2]) : Double.NaN));
        }
        if (capacityKva > 0 && !months.isEmpty()) {
            f.put(Figure.MAX_DEMAND_SHARE, months.stream().mapToDouble(Month::maxDemandShare).max().orElseThrow());
        }
        Double trend = trend(year);
        if (trend != null) {
            f.put(Figure.CONSUMPTION_TREND, trend);
        }
        return new CustomerFigures(f, months);
    }

    /** Median daily energy of the last 90 days with readings over the 90 before (each needs 30 such days). */
    private static Double trend(CustomerYear year) {
        double[] recent = new double[TREND_DAYS];
        double[] before = new double[TREND_DAYS];
        int recentCount = 0;
        int beforeCount = 0;
        int last = year.days() - 1;
        for (int d = last; d >= 0 && last - d < 2 * TREND_DAYS; d--) {
            int n = year.present(d);
            if (n >= 90) {
                double e = year.sum(d) * IntervalSeries.PER_DAY / n;
                if (last - d < TREND_DAYS) {
                    recent[recentCount++] = e;
                } else {
                    before[beforeCount++] = e;
                }
            }
        }
        if (recentCount < 30 || beforeCount < 30) {
            return null;
        }
        double b = TypicalShapes.median(before, beforeCount);
        return b <= 0 ? null : TypicalShapes.median(recent, recentCount) / b;
    }
}
