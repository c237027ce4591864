package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerFactorStandardTest {

    private static BigDecimal pct(PowerFactorStandard s, String pf) {
        return s.adjustmentPercent(new BigDecimal(pf));
    }

    @ParameterizedTest(name = "standard 0.90, factor {0}: {1} %")
    @CsvSource({"1.00,-0.75", "0.96,-0.75", "0.95,-0.75", "0.94,-0.60", "0.93,-0.45", "0.92,-0.30", "0.91,-0.15",
            "0.90,0.0", "0.89,0.5", "0.85,2.5", "0.80,5.0", "0.71,9.5", "0.70,10.0", "0.69,11.0", "0.66,14.0",
            "0.65,15.0", "0.64,17.0", "0.60,25.0", "0.50,45.0"})
    void the_0_90_table_row_by_row(String pf, String percent) {
        assertEquals(0, new BigDecimal(percent).compareTo(pct(PowerFactorStandard.PF_090, pf)), pf);
    }

    @ParameterizedTest(name = "standard 0.85, factor {0}: {1} %")
    @CsvSource({"1.00,-1.10", "0.94,-1.10", "0.93,-0.95", "0.92,-0.80", "0.91,-0.65", "0.90,-0.50", "0.89,-0.40",
            "0.86,-0.10", "0.85,0.0", "0.84,0.5", "0.75,5.0", "0.66,9.5", "0.65,10.0", "0.64,11.0", "0.60,15.0",
            "0.59,17.0", "0.55,25.0"})
    void the_0_85_table_row_by_row(String pf, String percent) {
        assertEquals(0, new BigDecimal(percent).compareTo(pct(PowerFactorStandard.PF_085, pf)), pf);
    }

    @ParameterizedTest(name = "standard 0.80, factor {0}: {1} %")
    @CsvSource({"1.00,-1.30", "0.92,-1.30", "0.91,-1.15", "0.90,-1.00", "0.85,-0.50", "0.81,-0.10", "0.80,0.0",
            "0.79,0.5", "0.70,5.0", "0.61,9.5", "0.60,10.0", "0.59,11.0", "0.55,15.0", "0.54,17.0", "0.50,25.0"})
    void the_0_80_table_row_by_row(String pf, String percent) {
        assertEquals(0, new BigDecimal(percent).compareTo(pct(PowerFactorStandard.PF_080, pf)), pf);
    }

    /** The tables as data against the rules as the 1983 document words them, for every hundredth from 0 to 1. */
    @Test
    void every_row_of_all_three_tables_follows_the_worded_rules() {
        for (int h = 0; h <= 100; h++) {
            assertRule(PowerFactorStandard.PF_090, h, rule090(h));
            assertRule(PowerFactorStandard.PF_085, h, rule085(h));
            assertRule(PowerFactorStandard.PF_080, h, rule080(h));
        }
    }

    private static void assertRule(PowerFactorStandard s, int hundredths, double expected) {
        assertEquals(expected, s.adjustmentPercent(BigDecimal.valueOf(hundredths, 2)).doubleValue(), 1e-9,
                s + " at " + hundredths);
    }

    private static double rule090(int h) {
        if (h >= 95) return -0.75;
        if (h >= 90) return -0.15 * (h - 90);
        if (h >= 70) return 0.5 * (90 - h);
        if (h >= 65) return 10 + (70 - h);
        return 15 + 2 * (65 - h);
    }

    private static double rule085(int h) {
        if (h >= 94) return -1.10;
        if (h >= 90) return -0.50 - 0.15 * (h - 90);
        if (h >= 85) return -0.10 * (h - 85);
        if (h >= 65) return 0.5 * (85 - h);
        if (h >= 60) return 10 + (65 - h);
        return 15 + 2 * (60 - h);
    }

    private static double rule080(int h) {
        if (h >= 92) return -1.30;
        if (h >= 90) return -1.00 - 0.15 * (h - 90);
        if (h >= 80) return -0.10 * (h - 80);
        if (h >= 60) return 0.5 * (80 - h);
        if (h >= 55) return 10 + (60 - h);
        return 15 + 2 * (55 - h);
    }

    @Test
    void the_adjustment_is_the_percentage_of_the_basic_plus_energy_charge_rounded_to_the_fen() {
        assertEquals(new BigDecimal("50.00"), PowerFactorStandard.PF_090.adjustment(new BigDecimal("0.89"),
                new BigDecimal("10000")));
        assertEquals(new BigDecimal("-75.00"), PowerFactorStandard.PF_090.adjustment(new BigDecimal("0.95"),
                new BigDecimal("10000")));
        assertEquals(new BigDecimal("-0.02"), PowerFactorStandard.PF_090.adjustment(new BigDecimal("0.91"),
                new BigDecimal("10.01"))); // 0.0150 rounds half up
    }

    @Test
    void each_table_starts_at_one_and_is_found_by_its_value() {
        assertEquals(PowerFactorStandard.PF_085, PowerFactorStandard.of(new BigDecimal("0.850")));
        assertEquals(36, PowerFactorStandard.PF_090.rows().size());
        assertEquals(41, PowerFactorStandard.PF_085.rows().size());
        assertEquals(46, PowerFactorStandard.PF_080.rows().size());
        assertEquals(new BigDecimal("1.00"), PowerFactorStandard.PF_080.rows().keySet().iterator().next());
    }
}
