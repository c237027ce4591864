package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AnomaliesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 8, 1);

    /** Readings that never repeat twice in a row: 10, 11, ... 16, 10, ... */
    private static IntervalSeries varying(int days) {
        IntervalSeries s = Tariffs.constant(DAY, days, 0f, 0f);
        for (int i = 0; i < s.size(); i++) {
            s.kwh()[i] = 10 + i % 7;
        }
        return s;
    }

    @Test
    void a_gap_a_spike_and_a_stuck_meter_are_reported_with_their_time() {
        IntervalSeries s = varying(1);
        for (int i = 10; i < 14; i++) {
            s.kwh()[i] = Float.NaN;
        }
        s.kwh()[50] = 100f;
        for (int i = 60; i < 76; i++) {
            s.kwh()[i] = 12.5f;
        }
        Anomalies a = Anomalies.of(s, AnalysisSettings.DEFAULTS);
        assertEquals(1, a.gaps().size());
        assertEquals(new Anomalies.Run(LocalDateTime.of(2025, 8, 1, 2, 30), 4), a.gaps().getFirst());
        assertEquals(4, a.missingIntervals());
        assertEquals(1, a.spikes().size());
        assertEquals(new Anomalies.Spike(LocalDateTime.of(2025, 8, 1, 12, 30), 400), a.spikes().getFirst());
        assertEquals(1, a.flatLines().size());
        assertEquals(new Anomalies.Run(LocalDateTime.of(2025, 8, 1, 15, 0), 16), a.flatLines().getFirst());
    }

    @Test
    void fifteen_equal_readings_and_a_run_of_zeros_are_no_stuck_meter() {
        IntervalSeries s = varying(1);
        for (int i = 60; i < 75; i++) {
            s.kwh()[i] = 12.5f;
        }
        for (int i = 0; i < 40; i++) {
            s.kwh()[i] = 0f;
        }
        Anomalies a = Anomalies.of(s, AnalysisSettings.DEFAULTS);
        assertTrue(a.flatLines().isEmpty());
        assertTrue(a.gaps().isEmpty());
    }

    @Test
    void a_tripled_reading_next_to_high_neighbours_is_no_spike() {
        IntervalSeries s = varying(1);
        s.kwh()[49] = 14f;
        s.kwh()[50] = 40f; // above 3 × the median 13, but within 3 × its neighbours 14 and 14
        s.kwh()[51] = 14f;
        assertTrue(Anomalies.of(s, AnalysisSettings.DEFAULTS).spikes().isEmpty());
    }

    @Test
    void night_base_load_is_the_night_average_over_the_day_average() {
        IntervalSeries s = Tariffs.constant(DAY, 1, 10f, 0f);
        for (int k = 32; k < 80; k++) {
            s.kwh()[k] = 30f; // day shift 08:00–20:00
        }
        Anomalies a = Anomalies.of(s, AnalysisSettings.DEFAULTS);
        // night 10, whole day (48 × 10 + 48 × 30) / 96 = 20
        assertEquals(0.5, a.nightBaseLoadRatio(), 1e-12);
        assertFalse(a.nightBaseLoadHigh());
        assertTrue(Anomalies.of(Tariffs.constant(DAY, 1, 10f, 0f), AnalysisSettings.DEFAULTS).nightBaseLoadHigh());
    }
}
