package cn.keyaccount.energy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * Fifteen-minute readings of consecutive days from a start day (local time, China has no daylight saving, so every
 * day has 96 intervals): active energy kWh and reactive energy kvarh per interval, NaN where a reading is missing.
 */
public record IntervalSeries(LocalDate start, float[] kwh, float[] kvarh) {

    public static final int PER_DAY = TouTariff.INTERVALS_PER_DAY;

    public IntervalSeries {
        if (kwh.length != kvarh.length || kwh.length % PER_DAY != 0) {
            throw new IllegalArgumentException("whole days of 96 intervals expected");
        }
    }

    /** An empty (all missing) series covering the days from start to end inclusive. */
    public static IntervalSeries empty(LocalDate start, LocalDate endInclusive) {
        int days = (int) (endInclusive.toEpochDay() - start.toEpochDay() + 1);
        float[] p = new float[days * PER_DAY];
        float[] q = new float[days * PER_DAY];
        Arrays.fill(p, Float.NaN);
        Arrays.fill(q, Float.NaN);
        return new IntervalSeries(start, p, q);
    }

    public int days() {
        return kwh.length / PER_DAY;
    }

    public int size() {
        return kwh.length;
    }

    public LocalDate day(int index) {
        return start.plusDays(index / PER_DAY);
    }

    public LocalDateTime at(int index) {
        return start.atStartOfDay().plusMinutes(15L * index);
    }

    public int indexOf(LocalDate day) {
        return (int) (day.toEpochDay() - start.toEpochDay()) * PER_DAY;
    }

    public boolean present(int index) {
        return !Float.isNaN(kwh[index]);
    }

    /** The average power of an interval in kW (its kWh times four). */
    public double kw(int index) {
        return kwh[index] * 4.0;
    }

    /** The days from one day to another (inclusive) as their own series, sharing nothing with this one. */
    public IntervalSeries slice(LocalDate from, LocalDate toInclusive) {
        int a = indexOf(from);
        int b = indexOf(toInclusive) + PER_DAY;
        return new IntervalSeries(from, Arrays.copyOfRange(kwh, a, b), Arrays.copyOfRange(kvarh, a, b));
    }
}
