package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TouTariffTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
    private final TouTariff tariff = Tariffs.dayNight(LocalDate.of(2025, 1, 1), null, "1.0");

    @Test
    void a_valley_from_23_to_7_covers_both_sides_of_midnight() {
        TouPeriod[] p = tariff.periodsOn(DAY);
        assertEquals(TouPeriod.FLAT, p[91]); // 22:45
        assertEquals(TouPeriod.VALLEY, p[92]); // 23:00
        assertEquals(TouPeriod.VALLEY, p[95]); // 23:45
        assertEquals(TouPeriod.VALLEY, p[0]); // 00:00
        assertEquals(TouPeriod.VALLEY, p[27]); // 06:45
        assertEquals(TouPeriod.FLAT, p[28]); // 07:00
    }

    @Test
    void a_critical_peak_listed_after_its_peak_overrides_it() {
        TouPeriod[] p = tariff.periodsOn(DAY);
        assertEquals(TouPeriod.PEAK, p[75]); // 18:45
        assertEquals(TouPeriod.CRITICAL_PEAK, p[76]); // 19:00
        assertEquals(TouPeriod.CRITICAL_PEAK, p[79]); // 19:45
        assertEquals(TouPeriod.PEAK, p[80]); // 20:00
        assertEquals(TouPeriod.FLAT, p[88]); // 22:00
    }

    @Test
    void the_day_is_split_into_the_counted_intervals_and_priced() {
        IntervalSeries s = Tariffs.constant(DAY, 1, 1f, 0f);
        TouSplit split = TouSplit.of(s, d -> tariff);
        assertEquals(4, split.kwh().get(TouPeriod.CRITICAL_PEAK));
        assertEquals(24, split.kwh().get(TouPeriod.PEAK));
        assertEquals(36, split.kwh().get(TouPeriod.FLAT));
        assertEquals(32, split.kwh().get(TouPeriod.VALLEY));
        assertEquals(0, split.kwh().get(TouPeriod.DEEP_VALLEY));
        // 4 × 1.2 + 24 × 1.0 + 36 × 0.6 + 32 × 0.3
        assertEquals(new BigDecimal("60.00"), split.totalYuan());
        assertEquals(new BigDecimal("21.60"), split.yuan().get(TouPeriod.FLAT));
        // peak energy above the valley price: 4 × 0.9 + 24 × 0.7
        assertEquals(new BigDecimal("20.40"), split.peakPremiumYuan());
    }

    @Test
    void each_day_is_priced_by_the_version_in_force_on_it() {
        TouTariff old = Tariffs.dayNight(LocalDate.of(2024, 1, 1), DAY.plusDays(1), "1.0");
        TouTariff next = Tariffs.dayNight(DAY.plusDays(1), null, "2.0");
        assertTrue(old.validOn(DAY));
        assertFalse(old.validOn(DAY.plusDays(1)));
        IntervalSeries s = Tariffs.constant(DAY, 2, 1f, 0f);
        TouSplit split = TouSplit.of(s, d -> old.validOn(d) ? old : next);
        // the second day's 24 peak kWh cost 1.0 more each
        assertEquals(new BigDecimal("144.00"), split.totalYuan()); // 60 + 84
    }

    @Test
    void missing_readings_count_in_no_period() {
        IntervalSeries s = Tariffs.constant(DAY, 1, 1f, 0f);
        s.kwh()[92] = Float.NaN;
        s.kwh()[0] = Float.NaN;
        TouSplit split = TouSplit.of(s, d -> tariff);
        assertEquals(30, split.kwh().get(TouPeriod.VALLEY));
        assertEquals(94, split.totalKwh(), 1e-9);
    }

    @Test
    void a_deep_valley_without_its_own_price_costs_as_valley_and_seasons_pick_by_month() {
        TouTariff.Season summer = new TouTariff.Season("summer", EnumSet.of(Month.JULY, Month.AUGUST),
                List.of(Tariffs.band("00:00", "08:00", TouPeriod.VALLEY),
                        Tariffs.band("02:00", "04:00", TouPeriod.DEEP_VALLEY)));
        TouTariff.Season rest = new TouTariff.Season("rest", EnumSet.complementOf(EnumSet.of(Month.JULY,
                Month.AUGUST)), List.of(Tariffs.band("00:00", "08:00", TouPeriod.VALLEY)));
        TouTariff t = new TouTariff(3, "TEST", "1-10kV", LocalDate.of(2025, 1, 1), null, "seasons", "hand-made",
                List.of(summer, rest), Map.of(TouPeriod.PEAK, BigDecimal.ONE, TouPeriod.FLAT, new BigDecimal("0.6"),
                TouPeriod.VALLEY, new BigDecimal("0.3")), Tariffs.BASIC);
        assertEquals(TouPeriod.DEEP_VALLEY, t.periodsOn(LocalDate.of(2025, 7, 1))[8]);
        assertEquals(TouPeriod.VALLEY, t.periodsOn(LocalDate.of(2025, 6, 30))[8]);
        assertEquals(new BigDecimal("0.3"), t.price(TouPeriod.DEEP_VALLEY));
        assertEquals(BigDecimal.ONE, t.price(TouPeriod.CRITICAL_PEAK));
    }

    @Test
    void every_month_needs_exactly_one_season() {
        TouTariff.Season summer = new TouTariff.Season("summer", EnumSet.of(Month.JULY), List.of());
        assertThrows(IllegalArgumentException.class, () -> new TouTariff(4, "T", "v", DAY, null, "n", "s",
                List.of(summer), Map.of(TouPeriod.FLAT, BigDecimal.ONE), Tariffs.BASIC));
    }

    @Test
    void nine_quarter_hours_of_a_quarter_kwh_at_ten_fen_cost_23_fen_where_a_double_sum_rounds_to_22() {
        TouTariff tenFen = Tariffs.flat("0.1");
        IntervalSeries s = Tariffs.constant(DAY, 1, Float.NaN, Float.NaN);
        for (int i = 0; i < 9; i++) {
            s.kwh()[i] = 0.25f;
            s.kvarh()[i] = 0f;
        }
        // what summing the intervals' amounts as doubles and rounding at the end gave: 0.22499999999999998
        double naive = 0;
        for (int i = 0; i < 9; i++) {
            naive += s.kwh()[i] * tenFen.price(TouPeriod.FLAT).doubleValue();
        }
        assertEquals(new BigDecimal("0.22"), BigDecimal.valueOf(naive).setScale(2, RoundingMode.HALF_UP));
        // 2.25 kWh × 0.1 = 0.225 exactly, half-up to 0.23
        TouSplit split = TouSplit.of(s, d -> tenFen);
        assertEquals(new BigDecimal("0.23"), split.yuan().get(TouPeriod.FLAT));
        assertEquals(new BigDecimal("0.23"), split.totalYuan());
    }

    @Test
    void a_period_is_the_sum_of_its_parts_as_billed_to_the_cent_not_priced_again() {
        TouTariff tenFen = Tariffs.flat("0.1");
        // a thousand days, each 0.25 kWh in one quarter hour at 0.1 yuan: 0.03 (0.025 half-up) a day, as billed
        List<TouSplit> days = new ArrayList<>();
        for (int d = 0; d < 1000; d++) {
            IntervalSeries s = Tariffs.constant(DAY.plusDays(d), 1, Float.NaN, Float.NaN);
            s.kwh()[40] = 0.25f;
            s.kvarh()[40] = 0f;
            TouSplit day = TouSplit.of(s, x -> tenFen);
            assertEquals(new BigDecimal("0.03"), day.totalYuan());
            days.add(day);
        }
        TouSplit all = TouSplit.sum(days);
        // 1,000 × 0.03, not 250 kWh × 0.1 = 25.00
        assertEquals(new BigDecimal("30.00"), all.totalYuan());
        assertEquals(new BigDecimal("30.00"), all.yuan().get(TouPeriod.FLAT));
        assertEquals(250, all.totalKwh(), 1e-9);
    }
}
