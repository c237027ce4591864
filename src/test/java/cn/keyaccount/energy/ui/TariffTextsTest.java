package cn.keyaccount.energy.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.keyaccount.base.Messages;
import org.junit.jupiter.api.Test;

/** Tariff bands read with the period's name, never VALLEY/PEAK, and the form writes words its parser takes. */
class TariffTextsTest {

    private static final String STORED = "23:00-07:00 VALLEY; 10:00-13:00 PEAK; 11:00-13:00 CRITICAL_PEAK";

    @Test
    void stored_bands_read_with_the_periods_names_in_the_users_language() {
        assertEquals("23:00-07:00 谷; 10:00-13:00 峰; 11:00-13:00 尖峰",
                TariffTexts.shown(STORED, k -> Messages.get(Messages.CHINESE, k)));
        assertEquals("23:00-07:00 Valley; 10:00-13:00 Peak; 11:00-13:00 Critical peak",
                TariffTexts.shown(STORED, k -> Messages.get(Messages.ENGLISH, k)));
    }

    @Test
    void the_form_writes_the_bands_as_words_the_service_reads_back() {
        assertEquals("23:00-07:00 谷; 10:00-13:00 峰; 11:00-13:00 尖峰",
                TariffTexts.editable(STORED, Messages.CHINESE));
        String english = TariffTexts.editable(STORED, Messages.ENGLISH);
        assertEquals("23:00-07:00 valley; 10:00-13:00 peak; 11:00-13:00 critical-peak", english);
    }
}
