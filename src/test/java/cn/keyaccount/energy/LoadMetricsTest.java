package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LoadMetricsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 5, 6);

    /** 00:00–12:00 at 100 kW (25 kWh), 12:00–24:00 at 300 kW (75 kWh). */
    private static IntervalSeries twoLevels(int days) {
        IntervalSeries s = Tariffs.constant(DAY, days, 25f, 0f);
        for (int d = 0; d < days; d++) {
            for (int k = 48; k < 96; k++) {
                s.kwh()[d * 96 + k] = 75f;
            }
        }
        return s;
    }

    @Test
    void energy_maximum_demand_average_and_load_factor_of_a_day() {
        LoadMetrics m = LoadMetrics.of(twoLevels(1));
        assertEquals(4800, m.energyKwh(), 1e-9);
        assertEquals(300, m.maxDemandKw(), 1e-9);
        assertEquals(LocalDateTime.of(2025, 5, 6, 12, 0), m.maxDemandAt());
        assertEquals(200, m.averageKw(), 1e-9);
        assertEquals(100, m.minKw(), 1e-9);
        assertEquals(2.0 / 3, m.loadFactor(), 1e-9);
        assertEquals(2.0 / 3, m.peakValleyRate(), 1e-9);
        assertEquals(100, m.typicalDayKw()[0], 1e-9);
        assertEquals(300, m.maxDemandDayKw()[95], 1e-9);
    }

    @Test
    void gaps_do_not_lower_the_average_and_incomplete_days_have_no_peak_valley_rate() {
        IntervalSeries s = twoLevels(2);
        s.kwh()[96 + 10] = Float.NaN; // one reading of day 2 missing (100 kW level)
        s.kwh()[96 + 50] = 200f; // day 2 has the maximum, 800 kW
        LoadMetrics m = LoadMetrics.of(s);
        assertEquals(191, m.present());
        assertEquals(192, m.expected());
        assertEquals(4800 + 4800 - 25 + 125, m.energyKwh(), 1e-9);
        assertEquals((4800 + 4800 - 25 + 125) / (191 * 0.25), m.averageKw(), 1e-9);
        assertEquals(800, m.maxDemandKw(), 1e-9);
        assertEquals(DAY.plusDays(1), m.maxDemandDay());
        assertEquals(Double.NaN, m.maxDemandDayKw()[10]);
        assertEquals(2.0 / 3, m.peakValleyRate(), 1e-9); // only day 1 is complete
    }

    @Test
    void a_leap_february_has_29_days_of_96_intervals() {
        IntervalSeries s = IntervalSeries.empty(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
        assertEquals(29 * 96, s.size());
        assertEquals(35_136, IntervalSeries.empty(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).size());
        assertEquals(35_040, IntervalSeries.empty(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).size());
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 45), s.at(s.size() - 1));
        LoadMetrics m = LoadMetrics.of(s);
        assertEquals(0, m.present());
        assertEquals(0, m.loadFactor());
    }
}
