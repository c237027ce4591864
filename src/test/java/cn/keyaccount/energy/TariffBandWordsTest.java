package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The tariff form writes bands in the user's words; the service reads Chinese and English words alike. */
class TariffBandWordsTest {

    @Test
    void a_band_reads_in_chinese_in_english_words_and_as_stored() {
        assertEquals("23:00-07:00 VALLEY", TariffService.band("23:00-07:00 谷"));
        assertEquals("11:00-13:00 CRITICAL_PEAK", TariffService.band("11:00-13:00 critical-peak"));
        assertEquals("00:00-06:00 DEEP_VALLEY", TariffService.band("00:00-06:00 deep-valley"));
        assertEquals("10:00-13:00 PEAK", TariffService.band("10:00-13:00 PEAK"));
        assertNull(TariffService.band("10:00-13:00 high"));
    }
}
