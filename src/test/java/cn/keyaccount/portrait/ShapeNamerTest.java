package cn.keyaccount.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ShapeNamerTest {

    private static final double[] NO_SEASONS = {Double.NaN, Double.NaN, Double.NaN};
    private final ShapeNamer namer = new ShapeNamer(ShapeNamer.Settings.DEFAULTS);

    /** 96 points from a load by hour, normalised to mean 1. */
    private static float[] curve(IntToDoubleFunction byHour) {
        float[] p = new float[96];
        double sum = 0;
        for (int k = 0; k < 96; k++) {
            p[k] = (float) byHour.applyAsDouble(k / 4);
            sum += p[k];
        }
        for (int k = 0; k < 96; k++) {
            p[k] = (float) (p[k] / (sum / 96));
        }
        return p;
    }

    @Test
    void a_flat_round_the_clock_load_is_continuous_three_shift() {
        assertEquals(ShapeKind.CONTINUOUS, namer.kind(curve(h -> 90 + (h % 3)), NO_SEASONS));
    }

    @Test
    void one_office_hours_block_is_a_daytime_single_peak() {
        assertEquals(ShapeKind.DAYTIME_PEAK, namer.kind(curve(h -> h >= 8 && h < 18 ? 100 : 15), NO_SEASONS));
    }

    @Test
    void morning_and_afternoon_shifts_with_a_lunch_break_are_a_double_peak() {
        assertEquals(ShapeKind.DOUBLE_PEAK, namer.kind(curve(h -> h >= 8 && h < 12 ? 100 : h >= 14 && h < 18 ? 100
                : h >= 12 && h < 14 ? 40 : 15), NO_SEASONS));
    }

    @Test
    void more_at_night_than_in_the_day_is_night() {
        assertEquals(ShapeKind.NIGHT, namer.kind(curve(h -> h >= 22 || h < 6 ? 100 : 30), NO_SEASONS));
    }

    @Test
    void a_peak_between_five_and_eleven_in_the_evening_is_an_evening_peak() {
        assertEquals(ShapeKind.EVENING_PEAK, namer.kind(curve(h -> h >= 18 && h < 22 ? 100 : h >= 9 ? 50 : 20),
                NO_SEASONS));
    }

    @Test
    void a_summer_twice_the_winter_is_seasonal_whatever_the_day_looks_like() {
        assertEquals(ShapeKind.SEASONAL, namer.kind(curve(h -> 90), new double[] {0.6, 1.0, 1.4}));
        assertEquals(ShapeKind.CONTINUOUS, namer.kind(curve(h -> 90), new double[] {0.9, 1.0, 1.2}));
    }

    @Test
    void rest_days_under_sixty_percent_of_a_working_day_are_reduced_at_weekends() {
        assertTrue(namer.reducedAtWeekends(0.3));
        assertFalse(namer.reducedAtWeekends(0.9));
        assertFalse(namer.reducedAtWeekends(Double.NaN));
    }
}
