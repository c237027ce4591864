package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void money_shows_two_decimals_and_thousands_separators() {
        assertEquals("3,237,810.50", Money.yuan(new BigDecimal("3237810.5")));
        assertEquals("0.00", Money.yuan(BigDecimal.ZERO));
        assertEquals("-42.30", Money.yuan(new BigDecimal("-42.3")));
        assertEquals("1,000.01", Money.yuan(new BigDecimal("1000.005")));
        assertEquals("—", Money.yuan(null));
    }

    @Test
    void a_quantity_is_grouped_by_thousands_and_keeps_only_the_decimals_it_has() {
        assertEquals("7,500.5", Money.grouped(new BigDecimal("7500.50")));
        assertEquals("12,000", Money.grouped(new BigDecimal("12000.00")));
        assertEquals("0.25", Money.grouped(new BigDecimal("0.2500")));
        assertEquals("—", Money.grouped(null));
    }
}
