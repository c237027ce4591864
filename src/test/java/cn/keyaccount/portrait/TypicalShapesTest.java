package cn.keyaccount.portrait;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.energy.IntervalSeries;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TypicalShapesTest {

    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    /** A Monday. */
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    /** Working days 100 kW from 08:00 to 18:00 and 20 kW else; rest days 10 kW all day. */
    private static IntervalSeries factory(int days) {
        IntervalSeries s = IntervalSeries.empty(START, START.plusDays(days - 1));
        for (int d = 0; d < days; d++) {
            boolean work = WEEKDAYS.test(START.plusDays(d));
            for (int k = 0; k < 96; k++) {
                double kw = work ? (k >= 32 && k < 72 ? 100 : 20) : 10;
                s.kwh()[d * 96 + k] = (float) (kw / 4);
            }
        }
        return s;
    }

    @Test
    void a_typical_day_is_the_median_of_each_quarter_hour_divided_by_its_mean() {
        TypicalShapes.Result r = TypicalShapes.of(factory(35), WEEKDAYS, TypicalShapes.Settings.DEFAULTS);
        float[] work = r.shape(Season.YEAR, DayType.WORKDAY).points();
        double mean = (40 * 100 + 56 * 20) / 96.0;
        assertEquals(100 / mean, work[40], 1e-5);
        assertEquals(20 / mean, work[0], 1e-5);
        assertEquals(25, r.shape(Season.YEAR, DayType.WORKDAY).days());
        assertEquals(10, r.shape(Season.YEAR, DayType.REST_DAY).days());
        assertEquals(1.0, r.shape(Season.YEAR, DayType.REST_DAY).points()[50], 1e-6);
        // rest days use 10 × 24 kWh against a working day's (40 × 100 + 56 × 20) / 4 kWh
        assertEquals(240 / ((40 * 100 + 56 * 20) / 4.0), r.restLevel(), 1e-6);
        // March and early April: spring/autumn only
        assertEquals(1.0, r.seasonLevels()[1], 1e-9);
        assertTrue(Double.isNaN(r.seasonLevels()[0]) && Double.isNaN(r.seasonLevels()[2]));
    }

    @Test
    void a_spike_of_fifty_times_the_load_on_one_day_leaves_the_typical_day_unchanged_where_a_mean_would_move() {
        IntervalSeries clean = factory(35);
        IntervalSeries spiked = factory(35);
        spiked.kwh()[2 * 96 + 10] = 50 * 20 / 4f;
        spiked.kwh()[9 * 96 + 10] = 50 * 20 / 4f;
        float[] before = TypicalShapes.of(clean, WEEKDAYS, TypicalShapes.Settings.DEFAULTS)
                .shape(Season.YEAR, DayType.WORKDAY).points();
        float[] after = TypicalShapes.of(spiked, WEEKDAYS, TypicalShapes.Settings.DEFAULTS)
                .shape(Season.YEAR, DayType.WORKDAY).points();
        assertArrayEquals(before, after, 1e-6f);
        // the mean of that quarter hour over the 25 working days would have risen by 2 × 49 × 20 / 25 ≈ 4 times
        double meanAt10 = (23 * 20 + 2 * 50 * 20) / 25.0;
        assertTrue(meanAt10 / 20 > 4.9);
    }

    @Test
    void days_missing_more_than_six_readings_are_left_out_rather_than_filled() {
        IntervalSeries s = factory(35);
        for (int k = 30; k < 60; k++) {
            s.kwh()[0 * 96 + k] = Float.NaN; // Monday: half the day missing
        }
        s.kwh()[1 * 96 + 5] = Float.NaN; // Tuesday: one reading missing, still usable
        TypicalShapes.Result r = TypicalShapes.of(s, WEEKDAYS, TypicalShapes.Settings.DEFAULTS);
        assertEquals(34, r.usableDays());
        assertEquals(24, r.shape(Season.YEAR, DayType.WORKDAY).days());
    }

    @Test
    void four_weeks_of_usable_days_are_needed_and_with_fewer_there_is_no_shape() {
        TypicalShapes.Result short27 = TypicalShapes.of(factory(27), WEEKDAYS, TypicalShapes.Settings.DEFAULTS);
        assertEquals(27, short27.usableDays());
        assertFalse(short27.enough(TypicalShapes.Settings.DEFAULTS));
        assertTrue(short27.shapes().isEmpty());
        assertNull(short27.shape(Season.YEAR, DayType.WORKDAY));
        assertTrue(TypicalShapes.of(factory(28), WEEKDAYS, TypicalShapes.Settings.DEFAULTS)
                .enough(TypicalShapes.Settings.DEFAULTS));
    }

    @Test
    void a_stuck_meter_reading_a_thousand_times_the_load_is_capped_in_the_shape() {
        IntervalSeries s = factory(35);
        for (int d = 0; d < 35; d++) {
            s.kwh()[d * 96 + 3] = 1_000_000f;
        }
        float[] work = TypicalShapes.of(s, WEEKDAYS, TypicalShapes.Settings.DEFAULTS)
                .shape(Season.YEAR, DayType.WORKDAY).points();
        assertEquals(TypicalShapes.MAX_POINT, work[3], 1e-6);
    }
}
