package cn.keyaccount.energy;

import java.time.LocalDateTime;

/**
 * A period's load curve for a chart: average kW per point from {@code start}, one point every
 * {@code minutesPerPoint} minutes (15 for periods up to {@link #FULL_RESOLUTION_DAYS} days, else hourly averages so
 * that a year stays 8,760 points); NaN where no reading exists.
 */
public record LoadCurve(LocalDateTime start, int minutesPerPoint, double[] kw) {

    public static final int FULL_RESOLUTION_DAYS = 31;

    public static LoadCurve of(IntervalSeries s) {
        int per = s.days() <= FULL_RESOLUTION_DAYS ? 1 : 4;
        double[] out = new double[s.size() / per];
        for (int p = 0; p < out.length; p++) {
            double sum = 0;
            int n = 0;
            for (int k = 0; k < per; k++) {
                int i = p * per + k;
                if (s.present(i)) {
                    sum += s.kw(i);
                    n++;
                }
            }
            out[p] = n == 0 ? Double.NaN : sum / n;
        }
        return new LoadCurve(s.start().atStartOfDay(), 15 * per, out);
    }

    public LocalDateTime at(int point) {
        return start.plusMinutes((long) minutesPerPoint * point);
    }
}
