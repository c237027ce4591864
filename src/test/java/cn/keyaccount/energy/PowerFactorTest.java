package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PowerFactorTest {

    @Test
    void power_factor_is_active_over_apparent_energy_rounded_to_two_decimals() {
        assertEquals(new BigDecimal("0.60"), PowerFactor.of(300, 400));
        assertEquals(new BigDecimal("0.80"), PowerFactor.of(400, 300));
        assertEquals(new BigDecimal("0.69"), PowerFactor.of(20, 21)); // 20/29 = 0.6897
        assertEquals(new BigDecimal("1.00"), PowerFactor.of(1000, 0));
    }

    @Test
    void a_factor_of_0_895_rounds_half_up_to_the_standard() {
        assertEquals(new BigDecimal("0.90"), PowerFactor.of(1000, 498.2)); // 0.89507
        assertEquals(new BigDecimal("0.89"), PowerFactor.of(1000, 498.4)); // 0.894999
        assertEquals(new BigDecimal("0.95"), PowerFactor.of(1000, 328.7)); // 0.949996
    }

    @Test
    void no_energy_is_a_factor_of_one_and_reactive_energy_alone_a_factor_of_zero() {
        assertEquals(new BigDecimal("1.00"), PowerFactor.of(0, 0));
        assertEquals(new BigDecimal("0.00"), PowerFactor.of(0, 50));
    }

    @Test
    void capacitor_size_is_the_active_load_times_the_difference_of_the_tangents() {
        // tan(acos 0.8) = 0.75, tan(acos 0.95) = sqrt(0.0975) / 0.95 = 0.328684
        assertEquals(421.316, PowerFactor.capacitorKvar(1000, 0.80, 0.95), 0.001);
        assertEquals(0, PowerFactor.capacitorKvar(1000, 0.96, 0.95));
    }
}
