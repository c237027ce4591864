package cn.keyaccount.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagRulesTest {

    private final TagRules rules = new TagRules(TagRules.Settings.DEFAULTS);

    private static CustomerFigures figures(Map<Figure, Double> f, double[] demandShares, double[] powerFactors) {
        List<CustomerFigures.Month> months = new ArrayList<>();
        for (int i = 0; i < demandShares.length; i++) {
            months.add(new CustomerFigures.Month(YearMonth.of(2026, 6 + i), demandShares[i], powerFactors[i]));
        }
        Map<Figure, Double> all = new EnumMap<>(Figure.class);
        all.put(Figure.ANNUAL_KWH, 1_000_000.0);
        all.put(Figure.GROWTH_RATE, 0.02);
        all.putAll(f);
        return new CustomerFigures(all, months);
    }

    private static PortraitTag find(List<PortraitTag> tags, String code) {
        return tags.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
    }

    @Test
    void maximum_demand_above_eighty_percent_of_capacity_in_five_of_six_months_is_a_capacity_increase_need() {
        List<PortraitTag> tags = rules.tags(figures(Map.of(), new double[] {0.7, 0.82, 0.86, 0.81, 0.84, 0.83},
                new double[] {0.95, 0.95, 0.95, 0.95, 0.95, 0.95}), false, 0.90);
        PortraitTag t = find(tags, "CAPACITY_INCREASE");
        assertEquals(TagCategory.NEED, t.category());
        assertEquals(List.of(0.86, 5.0, 6.0, 0.8), t.args());
        assertEquals("最大需量达运行容量的 86%（近 6 个月中 5 个月超过 80%）",
                Messages.get(Messages.CHINESE, t.reasonKey(), t.args().toArray()));
        assertEquals("Maximum demand 86% of capacity (5 of the last 6 months above 80%)",
                Messages.get(Messages.ENGLISH, t.reasonKey(), t.args().toArray()));
        assertTrue(find(tags, "CAPACITY_REDUCTION") == null);
    }

    @Test
    void two_of_the_last_months_under_the_power_factor_standard_ask_for_a_capacitor_bank() {
        List<PortraitTag> tags = rules.tags(figures(Map.of(Figure.POWER_FACTOR, 0.88),
                new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {0.92, 0.86, 0.93, 0.84}), false, 0.90);
        assertEquals(List.of(0.84, 2.0, 4.0, 0.90), find(tags, "CAPACITOR").args());
        assertEquals(TagCategory.BEHAVIOUR, find(tags, "LOW_POWER_FACTOR").category());
    }

    @Test
    void no_month_with_a_power_factor_gives_no_capacitor_tag_and_no_error_even_when_zero_months_are_asked_for() {
        TagRules.Settings d = TagRules.Settings.DEFAULTS;
        TagRules lenient = new TagRules(new TagRules.Settings(d.growth(), d.steadyLoadFactor(), d.peakyRatio(),
                d.nightBase(), d.fallingTrend(), d.capacityHigh(), d.capacityHighMonths(), d.capacityLow(), 0,
                d.solarDaytimeShare(), d.shiftingRatio()));
        List<PortraitTag> tags = lenient.tags(figures(Map.of(), new double[] {0.5, 0.5},
                new double[] {Double.NaN, Double.NaN}), false, 0.90);
        assertTrue(find(tags, "CAPACITOR") == null);
        assertTrue(find(rules.tags(figures(Map.of(), new double[0], new double[0]), false, 0.90), "CAPACITOR") == null);
    }

    @Test
    void long_under_load_is_a_capacity_reduction_and_falling_consumption_a_risk() {
        List<PortraitTag> tags = rules.tags(figures(Map.of(Figure.CONSUMPTION_TREND, 0.55),
                new double[] {0.2, 0.25, 0.1}, new double[] {Double.NaN, Double.NaN, Double.NaN}), true, 0.90);
        assertEquals(List.of(0.25, 3.0, 0.3), find(tags, "CAPACITY_REDUCTION").args());
        assertEquals(TagCategory.RISK, find(tags, "FALLING_CONSUMPTION").category());
        assertEquals(TagCategory.VALUE, find(tags, "KEY_ACCOUNT").category());
        assertTrue(find(tags, "CAPACITOR") == null, "no reactive readings, no capacitor tag");
    }

    @Test
    void a_daytime_peaky_load_suggests_solar_and_storage_and_a_steady_one_does_not() {
        List<PortraitTag> peaky = rules.tags(figures(Map.of(Figure.DAYTIME_SHARE, 0.62, Figure.PEAK_VALLEY_RATIO, 4.0,
                Figure.NIGHT_BASE, 0.2, Figure.LOAD_FACTOR, 0.35), new double[0], new double[0]), false, 0.9);
        PortraitTag solar = find(peaky, "SOLAR_STORAGE");
        assertEquals("62% of a working day's energy between 08 and 17 h, peak–valley ratio 4.0",
                Messages.get(Messages.ENGLISH, solar.reasonKey(), solar.args().toArray()));
        assertTrue(find(peaky, "LOAD_SHIFTING") != null);
        assertTrue(find(peaky, "PEAKY_LOAD") != null);
        List<PortraitTag> steady = rules.tags(figures(Map.of(Figure.DAYTIME_SHARE, 0.38, Figure.PEAK_VALLEY_RATIO, 1.2,
                Figure.NIGHT_BASE, 0.95, Figure.LOAD_FACTOR, 0.8), new double[0], new double[0]), false, 0.9);
        assertFalse(steady.stream().anyMatch(t -> t.category() == TagCategory.NEED));
        assertTrue(find(steady, "STEADY_LOAD") != null);
        assertTrue(find(steady, "NIGHT_BASE_LOAD") == null, "a steady load's night is not a base-load problem");
    }

    @Test
    void a_figure_is_the_share_of_the_other_peers_below_it_within_the_same_industry_and_voltage() {
        List<PeerRanks.Entry> entries = List.of(
                new PeerRanks.Entry(1, "C26|10", Map.of(Figure.LOAD_FACTOR, 0.5)),
                new PeerRanks.Entry(2, "C26|10", Map.of(Figure.LOAD_FACTOR, 0.7)),
                new PeerRanks.Entry(3, "C26|10", Map.of(Figure.LOAD_FACTOR, 0.7)),
                new PeerRanks.Entry(4, "C26|10", Map.of(Figure.LOAD_FACTOR, 0.9)),
                new PeerRanks.Entry(5, "C26|35", Map.of(Figure.LOAD_FACTOR, 0.1)));
        Map<Long, List<PortraitStore.FigureRank>> r = PeerRanks.of(entries);
        assertEquals(0.0, r.get(1L).getFirst().percentile());
        assertEquals(100.0 * 1.5 / 3, r.get(2L).getFirst().percentile(), 1e-9);
        assertEquals(100.0, r.get(4L).getFirst().percentile());
        assertEquals(4, r.get(4L).getFirst().peers());
        assertEquals(null, r.get(5L).getFirst().percentile(), "alone at its voltage: no peers");
    }
}
