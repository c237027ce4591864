package cn.keyaccount.energy;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Load figures of a period from its present readings: energy, maximum demand (the largest 15-minute average kW,
 * 最大需量), average load over the time with readings, load factor = average / maximum, and the peak-valley
 * difference rate = (daily maximum − daily minimum) / daily maximum, averaged over the days whose 96 readings are
 * all present. Also the typical day (average kW of each interval over the days) and the maximum-demand day.
 */
public record LoadMetrics(double energyKwh, double reactiveKvarh, int present, int expected, double maxDemandKw,
                          LocalDateTime maxDemandAt, double averageKw, double minKw, double loadFactor,
                          double peakValleyRate, double[] typicalDayKw, LocalDate maxDemandDay,
                          double[] maxDemandDayKw) {

    public static LoadMetrics of(IntervalSeries s) {
        int n = s.size();
        double energy = 0;
        double reactive = 0;
        int present = 0;
        double max = 0;
        int maxAt = -1;
        double min = Double.MAX_VALUE;
        double[] typicalSum = new double[IntervalSeries.PER_DAY];
        int[] typicalCount = new int[IntervalSeries.PER_DAY];
        double rateSum = 0;
        int rateDays = 0;
        for (int d = 0; d < s.days(); d++) {
            double dayMax = 0;
            double dayMin = Double.MAX_VALUE;
            int dayPresent = 0;
            for (int k = 0; k < IntervalSeries.PER_DAY; k++) {
                int i = d * IntervalSeries.PER_DAY + k;
                if (!s.present(i)) {
                    continue;
                }
                double kw = s.kw(i);
                energy += s.kwh()[i];
                if (!Float.isNaN(s.kvarh()[i])) {
                    reactive += s.kvarh()[i];
                }
                present++;
                dayPresent++;
                typicalSum[k] += kw;
                typicalCount[k]++;
                if (kw > max) {
                    max = kw;
                    maxAt = i;
                }
                min = Math.min(min, kw);
                dayMax = Math.max(dayMax, kw);
                dayMin = Math.min(dayMin, kw);
            }
            if (dayPresent == IntervalSeries.PER_DAY && dayMax > 0) {
                rateSum += (dayMax - dayMin) / dayMax;
                rateDays++;
            }
        }
        double average = present == 0 ? 0 : energy / (present * 0.25);
        double[] typical = new double[IntervalSeries.PER_DAY];
        for (int k = 0; k < typical.length; k++) {
            typical[k] = typicalCount[k] == 0 ? 0 : typicalSum[k] / typicalCount[k];
        }
        LocalDate maxDay = maxAt < 0 ? null : s.day(maxAt);
        double[] maxDayKw = new double[IntervalSeries.PER_DAY];
        if (maxDay != null) {
            int base = s.indexOf(maxDay);
            for (int k = 0; k < maxDayKw.length; k++) {
                maxDayKw[k] = s.present(base + k) ? s.kw(base + k) : Double.NaN;
            }
        }
        return new LoadMetrics(energy, reactive, present, n, max, maxAt < 0 ? null : s.at(maxAt), average,
                present == 0 ? 0 : min, max == 0 ? 0 : average / max, rateDays == 0 ? 0 : rateSum / rateDays,
                typical, maxDay, maxDayKw);
    }

    /** Share of the expected readings that are present. */
    public double completeness() {
        return expected == 0 ? 0 : (double) present / expected;
    }
}
