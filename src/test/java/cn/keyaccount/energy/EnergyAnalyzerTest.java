package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(new BigDecimal("7500.00"), cap.investmentYuan()); // 50 × 150
        // saving 3,300 + 495 = 3,795 in 30 days, 46,172.50 a year
        assertEquals(new BigDecimal("46172.50"), cap.annualSavingYuan());
        assertEquals(0.16, cap.paybackYears(), 1e-9);
    }

    @Test
    void billing_by_actual_demand_saves_a_steady_low_load_its_capacity_charge() {
        EnergyAnalyzer.Result r = steadyJune(BasicChargeMode.CAPACITY);
        assertEquals(BasicChargeMode.ACTUAL_DEMAND, r.billingModes().cheapest().mode());
        assertEquals(new BigDecimal("26000.00"), r.billingModes().saving()); // 30,000 − 100 × 40
        assertEquals(r.months().getFirst().basicYuan(), r.billingModes().current().total(),
                "the current way is what the months' table bills");
        Recommendation mode = r.recommendations().stream()
                .filter(x -> x.kind() == Recommendation.Kind.BILLING_MODE).findFirst().orElseThrow();
        assertEquals(new BigDecimal("316333.33"), mode.annualSavingYuan()); // 26,000 in 30 days, × 365 / 30
        assertNull(mode.paybackYears());
    }

    @Test
    void transformer_load_and_health_come_with_their_explanations() {
        EnergyAnalyzer.Result r = steadyJune(BasicChargeMode.ACTUAL_DEMAND);
        // 100 kW at 0.80 is 125 kVA of 1,000: light load; no meter is mapped, so the one transformer carries it all
        TransformerLoad t1 = r.transformers().getFirst();
        assertEquals(TransformerLoad.Basis.SHARED_BY_RATING, t1.basis());
        assertEquals(0.125, t1.averageLoadRate(), 1e-9);
        assertEquals(TransformerLoad.LoadBand.LIGHT, t1.averageBand());
        assertEquals(0.125, r.transformerTotal().averageLoadRate(), 1e-9);
        assertEquals(t1.lossKwh(), r.transformerTotal().lossKwh(), 1e-9);
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
        assertEquals(new BigDecimal("27999.00"), r.shiftingSavingYuan());
        assertEquals(0.15 * 366 * 20.4 * 25, r.shiftingSavingYuan().doubleValue(), 1e-6);
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

    /**
     * One day, three transformers. T1 (1,000 kVA, P0 1.0 kW, Pk 10.0 kW) has its own meter: 400 kW for twelve hours,
     * then 200 kW, at cos φ 0.80. T2 (500 kVA, 0.5 / 5.0) and T3 (250 kVA, 0.3 / 3.0) have none and share a meter
     * mapped to no transformer: 180 kW at cos φ 1.
     */
    private EnergyAnalyzer.Result threeTransformers() {
        LocalDate day = LocalDate.of(2025, 6, 2);
        IntervalSeries t1 = Tariffs.constant(day, 1, 100f, 75f);
        for (int i = 48; i < 96; i++) {
            t1.kwh()[i] = 50f;
            t1.kvarh()[i] = 37.5f;
        }
        IntervalSeries unmapped = Tariffs.constant(day, 1, 45f, 0f);
        IntervalSeries customer = Tariffs.constant(day, 1, 0f, 0f);
        for (int i = 0; i < 96; i++) {
            customer.kwh()[i] = t1.kwh()[i] + unmapped.kwh()[i];
            customer.kvarh()[i] = t1.kvarh()[i];
        }
        TouTariff flat = Tariffs.flat("0.5");
        return analyzer.analyse(new EnergyAnalyzer.Input(customer, new BigDecimal("1750"), BasicChargeMode.CAPACITY,
                null, PowerFactorStandard.PF_090, List.of(
                        new EnergyAnalyzer.TransformerSpec("T1", 1000, 1.0, 10.0, t1),
                        new EnergyAnalyzer.TransformerSpec("T2", 500, 0.5, 5.0),
                        new EnergyAnalyzer.TransformerSpec("T3", 250, 0.3, 3.0)), unmapped, d -> flat));
    }

    @Test
    void a_transformer_with_its_own_meter_is_loaded_by_that_meter_alone() {
        TransformerLoad t1 = threeTransformers().transformers().getFirst();
        assertEquals("T1", t1.name());
        assertEquals(TransformerLoad.Basis.METERED, t1.basis());
        assertEquals(96, t1.intervals());
        // 400 kW / 0.80 = 500 kVA of 1,000, then 250 kVA: β 0.50 and 0.25
        assertEquals(0.50, t1.maxLoadRate(), 1e-9);
        assertEquals(0.375, t1.averageLoadRate(), 1e-9);
        assertEquals(TransformerLoad.LoadBand.ECONOMIC, t1.maxBand());
        assertEquals(TransformerLoad.LoadBand.ECONOMIC, t1.averageBand());
        assertEquals(Math.sqrt(0.1), t1.economicLoadRate(), 1e-12);
        // 12 h × (1 + 0.25 × 10) + 12 h × (1 + 0.0625 × 10) = 42 + 19.5 kWh
        assertEquals(61.5, t1.lossKwh(), 1e-9);
        assertEquals(1 + 0.375 * 0.375 * 10, t1.lossAtAverageKw(), 1e-9);
    }

    @Test
    void transformers_without_a_meter_share_the_unmapped_meters_in_proportion_to_their_rating() {
        EnergyAnalyzer.Result r = threeTransformers();
        TransformerLoad t2 = r.transformers().get(1);
        TransformerLoad t3 = r.transformers().get(2);
        assertEquals(TransformerLoad.Basis.SHARED_BY_RATING, t2.basis());
        assertEquals(TransformerLoad.Basis.SHARED_BY_RATING, t3.basis());
        // 180 kW shared 500 : 250 is 120 kW and 60 kW, at cos φ 1: β 0.24 on both
        assertEquals(0.24, t2.averageLoadRate(), 1e-9);
        assertEquals(0.24, t3.averageLoadRate(), 1e-9);
        assertEquals(0.24, t3.maxLoadRate(), 1e-9);
        assertEquals(TransformerLoad.LoadBand.LIGHT, t2.averageBand());
        // 24 h × (0.5 + 0.0576 × 5) and 24 h × (0.3 + 0.0576 × 3)
        assertEquals(18.912, t2.lossKwh(), 1e-9);
        assertEquals(11.3472, t3.lossKwh(), 1e-9);
        assertEquals(Math.sqrt(0.1), t3.economicLoadRate(), 1e-12);
    }

    @Test
    void the_customer_total_is_all_meters_over_all_ratings_with_the_losses_of_its_rows() {
        EnergyAnalyzer.Result r = threeTransformers();
        TransformerLoad total = r.transformerTotal();
        assertEquals(TransformerLoad.Basis.CUSTOMER_TOTAL, total.basis());
        assertEquals(1750, total.ratedKva(), 1e-9);
        assertEquals(1.8, total.noLoadLossKw(), 1e-9);
        assertEquals(18.0, total.loadLossKw(), 1e-9);
        // the day's cos φ: 11,520 kWh, 5,400 kvarh → 0.91; 580 kW, then 380 kW, over 1,750 kVA
        assertEquals(580 / 0.91 / 1750, total.maxLoadRate(), 1e-9);
        assertEquals(480 / 0.91 / 1750, total.averageLoadRate(), 1e-9);
        assertEquals(61.5 + 18.912 + 11.3472, total.lossKwh(), 1e-9);
        assertEquals(r.transformers().stream().mapToDouble(TransformerLoad::lossAtAverageKw).sum(),
                total.lossAtAverageKw(), 1e-12);
    }

    @Test
    void the_worst_loaded_transformer_sets_the_health_component() {
        HealthScore.Component c = threeTransformers().health().components().stream()
                .filter(x -> x.key().equals("TRANSFORMER")).findFirst().orElseThrow();
        // T1 is economic (100), T2 and T3 light (60): the first light one speaks for all
        assertEquals(60, c.score());
        assertEquals(List.of(0.24, "LIGHT", "T2"), c.args());
    }

    @Test
    void a_transformer_that_nothing_measures_has_no_figures_and_no_say_in_the_health_score() {
        IntervalSeries t1 = Tariffs.constant(LocalDate.of(2025, 6, 2), 1, 100f, 75f);
        TouTariff flat = Tariffs.flat("0.5");
        EnergyAnalyzer.Result r = analyzer.analyse(new EnergyAnalyzer.Input(t1, new BigDecimal("1500"),
                BasicChargeMode.CAPACITY, null, PowerFactorStandard.PF_090, List.of(
                        new EnergyAnalyzer.TransformerSpec("T1", 1000, 1.0, 10.0, t1),
                        new EnergyAnalyzer.TransformerSpec("T2", 500, 0.5, 5.0)), null, d -> flat));
        TransformerLoad t2 = r.transformers().get(1);
        assertEquals(TransformerLoad.Basis.SHARED_BY_RATING, t2.basis());
        assertFalse(t2.measured());
        assertNull(t2.averageBand());
        assertEquals(0, t2.lossKwh());
        HealthScore.Component c = r.health().components().stream().filter(x -> x.key().equals("TRANSFORMER"))
                .findFirst().orElseThrow();
        assertEquals(100, c.score(), "T1 at 0.50 is economic, T2 is not counted");
        assertEquals(500 / 1500.0, r.transformerTotal().averageLoadRate(), 1e-9);
    }

    @Test
    void a_month_cut_by_the_period_or_missing_days_of_readings_is_partial_and_says_how_many_days_it_holds() {
        IntervalSeries s = Tariffs.constant(LocalDate.of(2025, 1, 15), 55, 25f, 10f);
        java.util.Arrays.fill(s.kwh(), 20 * 96, 21 * 96, Float.NaN); // 2025-02-04 without readings
        java.util.Arrays.fill(s.kvarh(), 20 * 96, 21 * 96, Float.NaN);
        TouTariff flat = Tariffs.flat("0.5");
        EnergyAnalyzer.Result r = analyzer.analyse(new EnergyAnalyzer.Input(s, new BigDecimal("1000"),
                BasicChargeMode.NONE, null, PowerFactorStandard.PF_090, List.of(), d -> flat));
        assertEquals(55, r.daysInPeriod());
        assertEquals(54, r.daysWithData());
        MonthFigures january = r.months().get(0);
        MonthFigures february = r.months().get(1);
        MonthFigures march = r.months().get(2);
        assertEquals(17, january.daysWithData());
        assertTrue(january.partial(), "cut by the period");
        assertEquals(27, february.daysWithData());
        assertTrue(february.partial(), "a day without readings");
        assertEquals(10, march.daysWithData());
        assertTrue(march.partial());
    }

    @Test
    void a_whole_month_of_readings_is_not_partial() {
        MonthFigures june = steadyJune(BasicChargeMode.NONE).months().getFirst();
        assertEquals(30, june.daysWithData());
        assertFalse(june.partial());
    }
}
