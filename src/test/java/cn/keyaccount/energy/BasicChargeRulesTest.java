package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasicChargeRulesTest {

    private static final BasicChargeRules.Prices PRICES =
            new BasicChargeRules.Prices(new BigDecimal("30"), new BigDecimal("40"));
    private static final BigDecimal KVA = new BigDecimal("1000");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void capacity_and_actual_demand_are_quantity_times_price() {
        assertEquals(d("30000.00"), BasicChargeRules.byCapacity(KVA, PRICES));
        assertEquals(d("26000.00"), BasicChargeRules.byActualDemand(d("650"), PRICES));
    }

    @Test
    void contract_demand_covers_the_actual_demand_up_to_exactly_105_percent() {
        assertEquals(d("20000.00"), BasicChargeRules.byContractDemand(d("500"), d("400"), KVA, PRICES));
        assertEquals(d("20000.00"), BasicChargeRules.byContractDemand(d("500"), d("525"), KVA, PRICES));
    }

    @Test
    void demand_above_105_percent_of_the_contract_is_billed_twice() {
        // 525 × 40 + 2 × 0.01 × 40
        assertEquals(d("21000.80"), BasicChargeRules.byContractDemand(d("500"), d("525.01"), KVA, PRICES));
        // 525 × 40 + 2 × 75 × 40
        assertEquals(d("27000.00"), BasicChargeRules.byContractDemand(d("500"), d("600"), KVA, PRICES));
    }

    @Test
    void a_contract_demand_below_40_percent_of_the_capacity_is_raised_to_it() {
        assertEquals(0, d("400").compareTo(BasicChargeRules.effectiveContractDemand(d("300"), KVA)));
        assertEquals(0, d("400").compareTo(BasicChargeRules.effectiveContractDemand(d("400"), KVA)));
        assertEquals(0, d("401").compareTo(BasicChargeRules.effectiveContractDemand(d("401"), KVA)));
        assertEquals(d("16000.00"), BasicChargeRules.byContractDemand(d("300"), d("350"), KVA, PRICES));
        // the floor also moves the 105 % threshold: 420 is covered by 400
        assertEquals(d("16000.00"), BasicChargeRules.byContractDemand(d("300"), d("420"), KVA, PRICES));
    }

    @Test
    void a_steady_load_is_cheapest_on_a_contract_demand_of_its_maximum_over_1_05() {
        List<BigDecimal> months = Collections.nCopies(12, d("630"));
        BasicChargeRules.Comparison c = BasicChargeRules.compare(months, KVA, PRICES, BasicChargeMode.CAPACITY, null);
        assertEquals(0, d("600").compareTo(c.bestDeclaredKw()));
        assertEquals(d("360000.00"), c.totals().get(BasicChargeMode.CAPACITY));
        assertEquals(d("302400.00"), c.totals().get(BasicChargeMode.ACTUAL_DEMAND));
        assertEquals(d("288000.00"), c.totals().get(BasicChargeMode.CONTRACT_DEMAND));
        assertEquals(BasicChargeMode.CONTRACT_DEMAND, c.cheapest());
        assertEquals(d("72000.00"), c.saving());
    }

    @Test
    void one_peak_month_is_cheaper_paid_twice_than_declared_all_year_and_cheaper_still_by_actual_demand() {
        List<BigDecimal> months = new ArrayList<>(Collections.nCopies(11, d("420")));
        months.add(d("840"));
        // Pc 400: 11 × 16,000 + (420 × 40 + 2 × 420 × 40) = 176,000 + 50,400
        assertEquals(0, d("400").compareTo(BasicChargeRules.bestDeclaredDemand(months, KVA, PRICES)));
        BasicChargeRules.Comparison c = BasicChargeRules.compare(months, KVA, PRICES,
                BasicChargeMode.CONTRACT_DEMAND, d("800"));
        assertEquals(d("226400.00"), c.totals().get(BasicChargeMode.CONTRACT_DEMAND));
        assertEquals(d("384000.00"), c.currentTotal()); // 12 × 800 × 40
        // actual demand: 11 × 420 × 40 + 840 × 40 = 218,400
        assertEquals(d("218400.00"), c.totals().get(BasicChargeMode.ACTUAL_DEMAND));
        assertEquals(BasicChargeMode.ACTUAL_DEMAND, c.cheapest());
        assertEquals(d("165600.00"), c.saving());
    }

    @Test
    void the_best_declared_demand_is_never_below_the_floor() {
        List<BigDecimal> months = Collections.nCopies(12, d("300"));
        assertEquals(0, d("400").compareTo(BasicChargeRules.bestDeclaredDemand(months, KVA, PRICES)));
        BasicChargeRules.Comparison c = BasicChargeRules.compare(months, KVA, PRICES,
                BasicChargeMode.ACTUAL_DEMAND, null);
        assertEquals(BasicChargeMode.ACTUAL_DEMAND, c.cheapest()); // 300 × 40 < 400 × 40
        assertEquals(d("0.00"), c.saving());
    }

    @Test
    void a_fractional_kink_is_tried_both_ways_round() {
        // 500 / 1.05 = 476.19: Pc 476 covers 499.8 and pays 2 × 0.2 kW more: 19,992 + 16; Pc 477 covers it all
        List<BigDecimal> months = List.of(d("500"));
        assertEquals(0, d("477").compareTo(BasicChargeRules.bestDeclaredDemand(months, KVA, PRICES)));
        assertEquals(d("20008.00"), BasicChargeRules.byContractDemand(d("476"), d("500"), KVA, PRICES));
        assertEquals(d("19080.00"), BasicChargeRules.byContractDemand(d("477"), d("500"), KVA, PRICES));
    }
}
