package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.TransformerDetails;
import cn.keyaccount.customer.TransformerHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice to suspend (暂停) or take out (减容) an under-loaded transformer, and the months billed on what is in service. */
class SuspensionAdviceTest {

    private final EnergyAnalyzer analyzer = new EnergyAnalyzer(AnalysisSettings.DEFAULTS);

    private static TransformerHistory transformer(long id, String kva, TransformerHistory.Suspension... s) {
        return new TransformerHistory(new TransformerDetails(id, 1, "T" + id, new BigDecimal(kva), BigDecimal.ONE,
                BigDecimal.TEN, 0), List.of(s), List.of());
    }

    /** 2025 at cos φ 0.80: 1,200 kW from October to March, 400 kW from April to September (the low season). */
    private static IntervalSeries seasonalYear(boolean lowAllYear) {
        LocalDate start = LocalDate.of(2025, 1, 1);
        int days = 365;
        float[] p = new float[days * 96];
        float[] q = new float[days * 96];
        for (int d = 0; d < days; d++) {
            int month = start.plusDays(d).getMonthValue();
            float kwh = lowAllYear || (month >= 4 && month <= 9) ? 100f : 300f;
            for (int k = 0; k < 96; k++) {
                p[d * 96 + k] = kwh;
                q[d * 96 + k] = kwh * 0.75f;
            }
        }
        return new IntervalSeries(start, p, q);
    }

    private EnergyAnalyzer.Result analyse(IntervalSeries s, List<TransformerHistory> transformers) {
        TouTariff flat = Tariffs.flat("0.5");
        return analyzer.analyse(new EnergyAnalyzer.Input(s, new BigDecimal("2000"), BasicChargeMode.CAPACITY, null,
                PowerFactorStandard.PF_090, transformers.stream().map(t -> new EnergyAnalyzer.TransformerSpec(
                        t.transformer().name(), t.transformer().ratedKva().doubleValue(), 1.0, 10.0)).toList(),
                s, d -> flat, new CapacityInService(transformers)));
    }

    @Test
    void an_under_loaded_transformer_is_advised_out_of_service_in_the_low_season_its_saving_current_minus_proposed() {
        EnergyAnalyzer.Result r = analyse(seasonalYear(false), List.of(transformer(1, "1000"), transformer(2, "1000")));
        Recommendation advice = r.recommendations().stream()
                .filter(x -> x.kind() == Recommendation.Kind.SUSPENSION).findFirst().orElseThrow();
        // April to September: 500 kVA of load within 70 % of the other 1,000 kVA. Six months are 183 days, the
        // yearly allowance 181: 28 September and 29–30 September billed (2/30 of 1,000 kVA), 12 × 60,000 today
        assertEquals(List.of("T1", new BigDecimal("1000"), "2025-04", "2025-09", "720,000.00", "542,001.00"),
                advice.args());
        assertEquals(new BigDecimal("177999.00"), advice.annualSavingYuan());
        ApplicationProposal application = advice.application();
        assertEquals(ApplicationProposal.Kind.SUSPENSION, application.kind());
        assertEquals(1L, application.transformerId());
        assertEquals(LocalDate.of(2025, 4, 1), application.from());
        assertEquals(LocalDate.of(2025, 9, 30), application.to());
        // billing by demand cuts the same charge: both are advised, the total counts the larger once
        Recommendation billing = r.recommendations().stream()
                .filter(x -> x.kind() == Recommendation.Kind.BILLING_MODE).findFirst().orElseThrow();
        BigDecimal others = r.recommendations().stream().filter(x -> !x.cutsTheBasicCharge())
                .map(Recommendation::annualSavingYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, others.add(billing.annualSavingYuan().max(advice.annualSavingYuan()))
                .compareTo(Recommendation.annualSaving(r.recommendations())));
    }

    @Test
    void a_transformer_the_others_can_stand_for_all_year_is_advised_a_capacity_reduction() {
        EnergyAnalyzer.Result r = analyse(seasonalYear(true), List.of(transformer(1, "1000"), transformer(2, "1000")));
        Recommendation advice = r.recommendations().stream()
                .filter(x -> x.kind() == Recommendation.Kind.CAPACITY_REDUCTION).findFirst().orElseThrow();
        assertEquals(new BigDecimal("360000.00"), advice.annualSavingYuan()); // 1,000 kVA × 30 yuan × 12
        assertEquals(ApplicationProposal.Kind.CAPACITY_REDUCTION, advice.application().kind());
        assertEquals(0, new BigDecimal("1000").compareTo(advice.application().capacityKva()));
    }

    @Test
    void a_single_transformer_or_one_already_suspended_gets_no_such_advice() {
        assertTrue(analyse(seasonalYear(false), List.of(transformer(1, "2000"))).recommendations().stream()
                .noneMatch(x -> x.kind() == Recommendation.Kind.SUSPENSION));
        EnergyAnalyzer.Result r = analyse(seasonalYear(false), List.of(transformer(1, "1000", new TransformerHistory
                        .Suspension(1, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 8, 31), "淡季")),
                transformer(2, "1000", new TransformerHistory.Suspension(2, LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 5, 31), "检修"))));
        assertTrue(r.recommendations().stream().noneMatch(x -> x.kind() == Recommendation.Kind.SUSPENSION));
    }

    @Test
    void the_months_basic_charge_by_capacity_counts_only_the_transformers_in_service() {
        EnergyAnalyzer.Result r = analyse(seasonalYear(false), List.of(transformer(1, "1000"), transformer(2, "1000",
                new TransformerHistory.Suspension(1, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 8, 31), "淡季"))));
        MonthFigures april = r.months().get(3);
        MonthFigures may = r.months().get(4);
        assertEquals(new BigDecimal("60000.00"), april.basicYuan());
        assertEquals(new BigDecimal("30000.00"), may.basicYuan());
        assertEquals(new BigDecimal("1000.0"), may.capacityInServiceKva());
        BasicChargeRules.Option current = r.billingModes().current();
        assertEquals(r.months().stream().map(MonthFigures::basicYuan).reduce(BigDecimal.ZERO, BigDecimal::add),
                current.total(), "the comparison's current way is the months' basic charge");
        assertEquals("energy.basic.input.capacity-in-service", current.inputsKey());
        assertEquals(YearMonth.of(2025, 5), r.billingModes().months().get(4).month());
    }
}
