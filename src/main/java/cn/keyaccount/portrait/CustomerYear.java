package cn.keyaccount.portrait;

import cn.keyaccount.energy.IntervalSeries;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One walk over a customer-year of readings, on primitive arrays and without an object per reading: per day the
 * readings present and their sum; per calendar month with a reading its highest 15-minute demand, its energy, its
 * reactive energy and reactive readings; over the year the total, the reactive total and the highest demand.
 * {@link TypicalShapes} and {@link CustomerFigures} both work from it, so the 35,040 readings are summed once (the
 * medians then read their quarter hours once per shape). The sums are taken in reading order, as the figures always
 * were, so every figure comes out to the last bit as before. Pure.
 */
final class CustomerYear {

    static final int PER_DAY = IntervalSeries.PER_DAY;

    private final IntervalSeries series;
    private final int[] present;
    private final double[] sum;
    private final int presentTotal;
    private final double total;
    private final double reactiveTotal;
    private final double maxKw;
    private final boolean reactive;
    /** Months with at least one reading, oldest first. */
    private final YearMonth[] months;
    private final double[][] monthly; // per month: max kW, kWh, kvarh, reactive readings

    private CustomerYear(IntervalSeries series, int[] present, double[] sum, int presentTotal, double total,
                         double reactiveTotal, double maxKw, boolean reactive, YearMonth[] months,
                         double[][] monthly) {
        this.series = series;
        this.present = present;
        this.sum = sum;
        this.presentTotal = presentTotal;
        this.total = total;
        this.reactiveTotal = reactiveTotal;
        this.maxKw = maxKw;
        this.reactive = reactive;
        this.months = months;
        this.monthly = monthly;
    }

    static CustomerYear of(IntervalSeries s) {
        float[] kwh = s.kwh();
        float[] kvarh = s.kvarh();
        int days = s.days();
        int[] present = new int[days];
        double[] sum = new double[days];
        int presentTotal = 0;
        double total = 0;
        double reactiveTotal = 0;
        double max = 0;
        boolean reactive = false;
        // a year spans at most 13 (partial) calendar months; a longer series grows the arrays
        YearMonth[] months = new YearMonth[14];
        double[][] monthly = new double[14][];
        int monthCount = 0;
        LocalDate start = s.start();
        YearMonth current = null;
        double[] m = null;
        for (int d = 0; d < days; d++) {
            YearMonth ym = null;
            int base = d * PER_DAY;
            int dayPresent = 0;
            double daySum = 0;
            for (int k = 0; k < PER_DAY; k++) {
                int i = base + k;
                float v = kwh[i];
                if (Float.isNaN(v)) {
                    continue;
                }
                dayPresent++;
                daySum += v;
                presentTotal++;
                total += v;
                max = Math.max(max, v * 4.0);
                if (ym == null) {
                    ym = YearMonth.from(start.plusDays(d));
                    if (!ym.equals(current)) {
                        if (monthCount == months.length) {
                            months = java.util.Arrays.copyOf(months, monthCount * 2);
                            monthly = java.util.Arrays.copyOf(monthly, monthCount * 2);
                        }
                        current = ym;
                        m = new double[4];
                        months[monthCount] = ym;
                        monthly[monthCount++] = m;
                    }
                }
                m[0] = Math.max(m[0], v * 4.0);
                m[1] += v;
                float q = kvarh[i];
                if (!Float.isNaN(q)) {
                    reactiveTotal += q;
                    m[2] += q;
                    m[3]++;
                    reactive |= q != 0;
                }
            }
            present[d] = dayPresent;
            sum[d] = daySum;
        }
        return new CustomerYear(s, present, sum, presentTotal, total, reactiveTotal, max, reactive,
                java.util.Arrays.copyOf(months, monthCount), java.util.Arrays.copyOf(monthly, monthCount));
    }

    IntervalSeries series() {
        return series;
    }

    int days() {
        return present.length;
    }

    LocalDate date(int day) {
        return series.start().plusDays(day);
    }

    /** Readings present on a day (of 96). */
    int present(int day) {
        return present[day];
    }

    /** The sum of a day's readings present, kWh. */
    double sum(int day) {
        return sum[day];
    }

    boolean anyReading() {
        return presentTotal > 0;
    }

    int presentTotal() {
        return presentTotal;
    }

    double total() {
        return total;
    }

    double reactiveTotal() {
        return reactiveTotal;
    }

    /** The highest 15-minute demand of the year, kW (0 without readings). */
    double maxKw() {
        return maxKw;
    }

    /** Whether any reactive reading is non-zero. */
    boolean reactive() {
        return reactive;
    }

    int monthCount() {
        return months.length;
    }

    YearMonth month(int index) {
        return months[index];
    }

    /** A month's highest 15-minute demand (kW), kWh, kvarh and reactive readings. */
    double[] monthly(int index) {
        return monthly[index];
    }
}
