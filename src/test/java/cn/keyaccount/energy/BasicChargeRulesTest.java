package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;
import java.time.YearMonth;
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

    /** Whole months from 2025-01 with these maximum demands, at the test prices. */
    private static List<BasicChargeRules.Month> months(List<BigDecimal> pmax) {
        List<BasicChargeRules.Month> out = new ArrayList<>();
        for (int i = 0; i < pmax.size(); i++) {
            out.add(BasicChargeRules.Month.whole(YearMonth.of(2025, 1).plusMonths(i), pmax.get(i), PRICES));
        }
        return out;
    }

    private static BasicChargeRules.Option option(BasicChargeRules.Comparison c, BasicChargeMode mode,
                                                  String contractKw) {
        return c.options().stream().filter(o -> o.mode() == mode && (contractKw == null
                || d(contractKw).compareTo(o.contractKw()) == 0)).findFirst().orElseThrow();
    }

    @Test
    void a_steady_load_is_cheapest_on_a_contract_demand_of_its_maximum_over_1_05() {
        BasicChargeRules.Comparison c = BasicChargeRules.compare(months(Collections.nCopies(12, d("630"))), KVA,
                BasicChargeMode.CAPACITY, null);
        assertEquals(3, c.options().size(), "the current way and the two others");
        assertEquals(d("360000.00"), c.current().total());
        assertEquals(BasicChargeMode.CAPACITY, c.options().getFirst().mode());
        assertEquals(0, KVA.compareTo(c.current().capacityKva()), "the capacity it is billed on");
        assertEquals(d("302400.00"), option(c, BasicChargeMode.ACTUAL_DEMAND, null).total());
        BasicChargeRules.Option contract = option(c, BasicChargeMode.CONTRACT_DEMAND, "600");
        assertEquals(0, d("600").compareTo(contract.declaredKw()));
        assertEquals(d("288000.00"), contract.total());
        assertEquals(contract, c.cheapest());
        assertEquals(d("72000.00"), c.saving());
        assertEquals(d("72000.00"), contract.savingAgainstCurrent());
        assertEquals(d("57600.00"), option(c, BasicChargeMode.ACTUAL_DEMAND, null).savingAgainstCurrent());
    }

    @Test
    void the_current_contract_demand_is_billed_at_todays_declared_value_and_the_best_one_is_a_row_of_its_own() {
        List<BigDecimal> pmax = new ArrayList<>(Collections.nCopies(11, d("420")));
        pmax.add(d("840"));
        List<BasicChargeRules.Month> months = months(pmax);
        // Pc 400: 11 × 16,000 + (420 × 40 + 2 × 420 × 40) = 176,000 + 50,400
        assertEquals(0, d("400").compareTo(BasicChargeRules.bestDeclaredDemand(months, KVA)));
        BasicChargeRules.Comparison c = BasicChargeRules.compare(months, KVA, BasicChargeMode.CONTRACT_DEMAND,
                d("800"));
        assertEquals(4, c.options().size(), "today's contract demand, capacity, actual demand, the best contract");
        assertTrue(c.current().current());
        assertEquals(0, d("800").compareTo(c.current().declaredKw()));
        assertEquals(d("384000.00"), c.current().total()); // 12 × 800 × 40
        assertEquals(d("226400.00"), option(c, BasicChargeMode.CONTRACT_DEMAND, "400").total());
        assertFalse(option(c, BasicChargeMode.CONTRACT_DEMAND, "400").current());
        // actual demand: 11 × 420 × 40 + 840 × 40 = 218,400
        assertEquals(d("218400.00"), option(c, BasicChargeMode.ACTUAL_DEMAND, null).total());
        assertEquals(BasicChargeMode.ACTUAL_DEMAND, c.cheapest().mode());
        assertEquals(d("165600.00"), c.saving());
        for (BasicChargeRules.Option o : c.options()) {
            assertEquals(c.current().total().subtract(o.total()), o.savingAgainstCurrent(), "one row minus another");
            assertEquals(o.total(), o.monthly().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                    "a way's total is the sum of its months");
        }
    }

    @Test
    void no_declared_demand_is_billed_on_the_40_percent_floor_and_said_so() {
        BasicChargeRules.Comparison c = BasicChargeRules.compare(months(Collections.nCopies(12, d("300"))), KVA,
                BasicChargeMode.CONTRACT_DEMAND, null);
        assertNull(c.current().declaredKw());
        assertEquals(0, d("400").compareTo(c.current().contractKw()));
        assertEquals(d("192000.00"), c.current().total()); // 12 × 400 × 40
    }

    @Test
    void in_a_month_with_a_transformer_suspended_the_40_percent_floor_is_taken_of_the_capacity_in_service() {
        // 1000 kVA of two 500 kVA transformers, one suspended (暂停) all June: 500 kVA in service.
        // By capacity: 500 × 30 = 15,000.00. Declared 300 kW, Pmax 250 kW: the floor is 40 % × 500 = 200 kW, so
        // the contract demand stays 300 kW (it would be raised to 400 kW on the full 1000 kVA) and 250 ≤ 1.05 × 300:
        // 300 × 40 = 12,000.00 (not 400 × 40 = 16,000.00).
        YearMonth june = YearMonth.of(2026, 6);
        BasicChargeRules.Month suspended = new BasicChargeRules.Month(june, d("250"), 30, 30, PRICES, d("500"));
        assertEquals(d("15000.00"), suspended.charge(BasicChargeMode.CAPACITY, KVA, null));
        assertEquals(d("12000.00"), suspended.charge(BasicChargeMode.CONTRACT_DEMAND, KVA, d("300")));
        // declared 150 kW: raised to the floor of the capacity in service, 200 kW; 250 kW is above 1.05 × 200 = 210:
        // 210 × 40 + 2 × (250 − 210) × 40 = 8,400 + 3,200 = 11,600.00
        assertEquals(d("11600.00"), suspended.charge(BasicChargeMode.CONTRACT_DEMAND, KVA, d("150")));
        // the same month with both transformers in service: 400 kW × 40 = 16,000.00
        BasicChargeRules.Month whole = BasicChargeRules.Month.whole(june, d("250"), PRICES);
        assertEquals(d("16000.00"), whole.charge(BasicChargeMode.CONTRACT_DEMAND, KVA, d("300")));
        // the best declared demand over the suspended month is no longer held up at 400 kW: around the kink
        // 250 / 1.05 = 238.1, 239 kW covers 250.95 and costs 239 × 40 = 9,560.00; 238 kW covers 249.9 and costs
        // 249.9 × 40 + 2 × 0.1 × 40 = 10,004.00; the floor 200 kW costs 11,600.00 (above)
        assertEquals(0, d("239").compareTo(BasicChargeRules.bestDeclaredDemand(List.of(suspended), KVA)));
    }

    @Test
    void a_part_month_pays_its_share_of_days_in_every_way() {
        YearMonth june = YearMonth.of(2025, 6);
        List<BasicChargeRules.Month> months = List.of(new BasicChargeRules.Month(june, d("630"), 10, 30, PRICES));
        BasicChargeRules.Comparison c = BasicChargeRules.compare(months, KVA, BasicChargeMode.CAPACITY, null);
        assertEquals(d("10000.00"), c.current().total()); // 30,000 × 10 / 30
        assertEquals(d("8400.00"), option(c, BasicChargeMode.ACTUAL_DEMAND, null).total()); // 25,200 / 3
    }

    @Test
    void the_best_declared_demand_is_never_below_the_floor() {
        List<BasicChargeRules.Month> months = months(Collections.nCopies(12, d("300")));
        assertEquals(0, d("400").compareTo(BasicChargeRules.bestDeclaredDemand(months, KVA)));
        BasicChargeRules.Comparison c = BasicChargeRules.compare(months, KVA, BasicChargeMode.ACTUAL_DEMAND, null);
        assertEquals(c.current(), c.cheapest()); // 300 × 40 < 400 × 40
        assertEquals(d("0.00"), c.saving());
    }

    @Test
    void a_fractional_kink_is_tried_both_ways_round() {
        // 500 / 1.05 = 476.19: Pc 476 covers 499.8 and pays 2 × 0.2 kW more: 19,992 + 16; Pc 477 covers it all
        assertEquals(0, d("477").compareTo(BasicChargeRules.bestDeclaredDemand(months(List.of(d("500"))), KVA)));
        assertEquals(d("20008.00"), BasicChargeRules.byContractDemand(d("476"), d("500"), KVA, PRICES));
        assertEquals(d("19080.00"), BasicChargeRules.byContractDemand(d("477"), d("500"), KVA, PRICES));
    }
}
