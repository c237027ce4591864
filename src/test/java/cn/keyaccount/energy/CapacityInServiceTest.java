package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.keyaccount.customer.CapacityChangeKind;
import cn.keyaccount.customer.TransformerDetails;
import cn.keyaccount.customer.TransformerHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capacity a month is billed on by capacity, with transformers suspended (暂停) or changed (减容 / 增容). */
class CapacityInServiceTest {

    private static final BigDecimal CUSTOMER = new BigDecimal("1630");

    private static TransformerDetails transformer(long id, String kva) {
        return new TransformerDetails(id, 1, "T" + id, new BigDecimal(kva), BigDecimal.ONE, BigDecimal.TEN, 0);
    }

    /** T1 1,000 kVA always in service; T2 630 kVA suspended as given. */
    private static CapacityInService t2Suspended(LocalDate from, LocalDate to) {
        return new CapacityInService(List.of(new TransformerHistory(transformer(1, "1000"), List.of(), List.of()),
                new TransformerHistory(transformer(2, "630"),
                        List.of(new TransformerHistory.Suspension(1, from, to, "淡季")), List.of())));
    }

    private static BigDecimal kva(String x) {
        return new BigDecimal(x);
    }

    @Test
    void a_transformer_out_of_service_all_month_is_not_billed_that_month() {
        CapacityInService c = t2Suspended(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30));
        assertEquals(kva("1630.0"), c.billed(CUSTOMER, YearMonth.of(2025, 6)));
        assertEquals(kva("1000.0"), c.billed(CUSTOMER, YearMonth.of(2025, 7)));
        assertEquals(kva("1000.0"), c.billed(CUSTOMER, YearMonth.of(2025, 9)));
        assertEquals(kva("1630.0"), c.billed(CUSTOMER, YearMonth.of(2025, 10)));
    }

    @Test
    void a_part_month_bills_its_days_in_service_at_a_thirtieth_never_below_their_share_of_the_month() {
        // July 2025: in service 16 days → 16/30 of 630 = 336.0 (16/31 would be 325.2: the larger is billed)
        CapacityInService c = t2Suspended(LocalDate.of(2025, 7, 17), LocalDate.of(2025, 9, 30));
        assertEquals(kva("1336.0"), c.billed(CUSTOMER, YearMonth.of(2025, 7)));
        // February 2025: in service 27 of 28 days → 27/28 of 630 = 607.5 (above 27/30 = 567)
        CapacityInService feb = t2Suspended(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31));
        assertEquals(kva("1607.5"), feb.billed(CUSTOMER, YearMonth.of(2025, 2)));
    }

    @Test
    void a_suspension_shorter_than_fifteen_days_is_billed_in_full() {
        CapacityInService c = t2Suspended(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 14));
        assertEquals(kva("1630.0"), c.billed(CUSTOMER, YearMonth.of(2025, 7)));
    }

    @Test
    void suspended_days_beyond_six_months_of_a_calendar_year_are_billed_again() {
        // suspended from New Year on and never restored: January to June are 181 days, July is billed again
        CapacityInService c = t2Suspended(LocalDate.of(2025, 1, 1), null);
        assertEquals(kva("1000.0"), c.billed(CUSTOMER, YearMonth.of(2025, 6)));
        assertEquals(kva("1630.0"), c.billed(CUSTOMER, YearMonth.of(2025, 7)));
        // a new calendar year starts a new allowance
        assertEquals(kva("1000.0"), c.billed(CUSTOMER, YearMonth.of(2026, 1)));
    }

    @Test
    void a_capacity_reduction_keeps_the_old_capacity_before_its_day_and_bills_its_month_by_the_days() {
        // T1 is 630 kVA now, 1,000 kVA until 15 April 2025; the customer's operating capacity is today's 1,260
        TransformerHistory t1 = new TransformerHistory(transformer(1, "630"), List.of(), List.of(
                new TransformerHistory.CapacityChange(1, LocalDate.of(2025, 4, 16), CapacityChangeKind.REDUCTION,
                        kva("1000"), kva("630"), "减容")));
        CapacityInService c = new CapacityInService(List.of(t1,
                new TransformerHistory(transformer(2, "630"), List.of(), List.of())));
        BigDecimal today = kva("1260");
        assertEquals(kva("1630.0"), c.billed(today, YearMonth.of(2025, 3)));
        // April: 15 days × 1,000 + 15 days × 630 = 24,450 kVA-days, a thirtieth of it 815 kVA for T1
        assertEquals(kva("1445.0"), c.billed(today, YearMonth.of(2025, 4)));
        assertEquals(kva("1260.0"), c.billed(today, YearMonth.of(2025, 5)));
    }

    @Test
    void without_suspensions_or_changes_every_month_is_billed_on_the_customers_capacity_february_included() {
        CapacityInService c = new CapacityInService(List.of(
                new TransformerHistory(transformer(1, "1000"), List.of(), List.of())));
        assertEquals(kva("1630.0"), c.billed(CUSTOMER, YearMonth.of(2025, 2)));
        assertEquals(kva("1630.0"), CapacityInService.none().billed(CUSTOMER, YearMonth.of(2025, 2)));
    }
}
