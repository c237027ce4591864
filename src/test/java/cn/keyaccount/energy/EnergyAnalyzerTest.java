package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyAnalyzerTest {

    private final EnergyAnalyzer analyzer = new EnergyAnalyzer(AnalysisSettings.DEFAULTS);

    /** June 2025: a steady 100 kW at cos φ 0.80 (kvarh / kWh = 0.75), one flat price of 0.5 yuan. */
    private EnergyAnalyzer.Result steadyJune(BasicChargeMode mode) {
        IntervalSeries s = Tariffs.constant(LocalDate.of(2025, 6, 1), 30, 25f, 18.75f);
        TouTariff flat = Tariffs.flat("0.5");
        return analyzer.analyse(new EnergyAnalyzer.Input(s, new BigDecimal("1000"), mode, null,
                PowerFactorStandard.PF_090, List.of(new EnergyAnalyzer.TransformerSpec("T1", 1000, 1.0, 10.0)),
                d -> flat));
    }

    @Test
    void a_month_is_billed_with_energy_basic_charge_and_power_factor_adjustment() {
        EnergyAnalyzer.Result r = steadyJune(BasicChargeMode.CAPACITY);
        MonthFigures m = r.months().getFirst();
        assertEquals(YearMonth.of(2025, 6), m.month());
        assertEquals(72_000, m.kwh(), 1e-6);
        assertEquals(new BigDecimal("0.80"), m.powerFactor());
        assertEquals(new BigDecimal("100.00"), m.maxDemandKw());
        assertEquals(new BigDecimal("36000.00"), m.energyYuan());
        assertEquals(new BigDecimal("30000.00"), m.basicYuan());
        assertEquals(0, new BigDecimal("5.0").compareTo(m.adjustmentPercent()));
        assertEquals(new BigDecimal("3300.00"), m.adjustmentYuan()); // 5 % of 66,000
        assertEquals(0, new BigDecimal("0.0").compareTo(m.adjustmentPercentByStandard().get(PowerFactorStandard.PF_080)));
        assertEquals(0, new BigDecimal("2.5").compareTo(m.adjustmentPercentByStandard().get(PowerFactorStandard.PF_085)));
        assertEquals(new BigDecimal("69300.00"), r.totalYuan());
    }

    @Test
    void the_capacitor_recommendation_sizes_the_bank_and_prices_its_payback() {
        Recommendation cap = steadyJune(BasicChargeMode.CAPACITY).recommendations().stream()
                .filter(x -> x.kind() == Recommendation.Kind.CAPACITOR).findFirst().orElseThrow();
        // Qc = (54,000 − 72,000 × 0.328684) / 720 h = 42.13 → 50 kvar; with it kvarh 18,000, cos φ 0.97 (−0.75 %)
        assertEquals(50, cap.args().getFirst());
        assertEquals(7_500, cap.investmentYuan(), 1e-9); // 50 × 150
        // saving 3,300 + 495 = 3,795 in 30 days, 46,172.50 a year
        assertEquals(46_172.50, cap.annualSavingYuan(), 1e-9);
        assertEquals(0.16, cap.paybackYears(), 1e-9);
    }

    @Test
    void billing_by_actual_demand_saves_a_steady_low_load_its_capacity_charge() {
        EnergyAnalyzer.Result r = steadyJune(BasicChargeMode.CAPACITY);
        assertEquals(BasicChargeMode.ACTUAL_DEMAND, r.billingModes().cheapest());
        assertEquals(new BigDecimal("26000.00"), r.billingModes().saving()); // 30,000 − 100 × 40
        Recommendation mode = r.recommendations().stream()
                .filter(x -> x.kind() == Recommendation.Kind.BILLING_MODE).findFirst().orElseThrow();
        assertEquals(312_000, mode.annualSavingYuan(), 1e-9);
        assertNull(mode.paybackYears());
    }

    @Test
    void transformer_load_and_health_come_with_their_explanations() {
        EnergyAnalyzer.Result r = steadyJune(BasicChargeMode.ACTUAL_DEMAND);
        // 100 kW at 0.80 is 125 kVA of 1,000: light load
        assertEquals(0.125, r.transformer().averageLoadRate(), 1e-9);
        assertEquals(TransformerLoad.LoadBand.LIGHT, r.transformer().averageBand());
        assertEquals(1.0, r.load().loadFactor(), 1e-9);
        HealthScore h = r.health();
        assertEquals(6, h.components().size());
        assertEquals(40, component(h, "POWER_FACTOR")); // 90 − 10 × 5 %
        assertEquals(100, component(h, "LOAD_FACTOR"));
        assertEquals(60, component(h, "TRANSFORMER"));
        assertEquals(100, component(h, "BASIC_CHARGE"));
        assertEquals(100, component(h, "PEAK_SHARE"));
        // a month of identical readings is one stuck-meter run: 100 − 2
        assertEquals(1, r.anomalies().flatLines().size());
        assertEquals(98, component(h, "DATA_QUALITY"));
        // (40 × 25 + 100 × 20 + 60 × 20 + 100 × 15 + 100 × 10 + 98 × 10) / 100 = 76.8
        assertEquals(77, h.total());
    }

    private static int component(HealthScore h, String key) {
        return h.components().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().score();
    }

    @Test
    void a_leap_year_is_twelve_months_with_a_29_day_february_and_no_scaling() {
        IntervalSeries s = Tariffs.constant(LocalDate.of(2024, 1, 1), 366, 25f, 0f);
        TouTariff tariff = Tariffs.dayNight(LocalDate.of(2020, 1, 1), null, "1.0");
        EnergyAnalyzer.Result r = analyzer.analyse(new EnergyAnalyzer.Input(s, new BigDecimal("1000"),
                BasicChargeMode.CAPACITY, null, PowerFactorStandard.PF_090, List.of(), d -> tariff));
        assertEquals(12, r.months().size());
        assertEquals(29, r.months().get(1).daysCovered());
        assertEquals(29 * 96 * 25, r.months().get(1).kwh(), 1e-6);
        assertEquals(1.0, r.annualFactor());
        assertEquals(366 * 2400.0, r.load().energyKwh(), 1e-3);
        // load shifting: 15 % of the peak premium, 366 × 20.4 × 25
        assertEquals(0.15 * 366 * 20.4 * 25, r.shiftingSavingYuan(), 1e-6);
        assertTrue(r.recommendations().stream().anyMatch(x -> x.kind() == Recommendation.Kind.LOAD_SHIFTING));
    }

    @Test
    void a_month_with_a_gap_keeps_its_power_factor_from_the_readings_present_and_half_a_month_is_billed_pro_rata() {
        IntervalSeries s = Tariffs.constant(LocalDate.of(2025, 4, 16), 15, 25f, 18.75f);
        for (int i = 100; i < 200; i++) {
            s.kwh()[i] = Float.NaN;
            s.kvarh()[i] = Float.NaN;
        }
        TouTariff flat = Tariffs.flat("0.5");
        EnergyAnalyzer.Result r = analyzer.analyse(new EnergyAnalyzer.Input(s, new BigDecimal("1000"),
                BasicChargeMode.CAPACITY, null, PowerFactorStandard.PF_090, List.of(), d -> flat));
        MonthFigures m = r.months().getFirst();
        assertEquals(15 * 96 - 100, m.present());
        assertEquals(new BigDecimal("0.80"), m.powerFactor());
        assertEquals(new BigDecimal("15000.00"), m.basicYuan()); // 30,000 × 15 / 30
        assertEquals(1, r.anomalies().gaps().size());
        assertEquals(100, r.anomalies().missingIntervals());
        assertEquals(365.0 / 15, r.annualFactor(), 1e-12);
    }
}
