package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnergyServiceTest {

    @Inject
    EnergyService energy;
    @Inject
    TariffService tariffs;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    @Test
    void the_seeded_beijing_tariff_prices_a_march_day_by_its_periods() {
        Viewer admin = users.viewer("admin");
        // a customer on the default tariff (北京): one without an energy profile of its own
        long customer = customers.search(admin, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 500).stream()
                .filter(r -> energy.profile(admin, r.id()).profileVersion() < 0).findFirst().orElseThrow().id();
        LocalDate day = LocalDate.of(2018, 3, 5);
        StringBuilder csv = new StringBuilder("meter,time,kwh,kvarh\n");
        String meter = "ES" + ProcessHandle.current().pid() + System.nanoTime() % 100000;
        LocalDateTime t = day.atStartOfDay();
        for (int k = 1; k <= 96; k++) {
            csv.append(meter).append(',').append(t.plusMinutes(15L * k).toString().replace('T', ' '))
                    .append(",1,0\n");
        }
        assertTrue(energy.importReadings(admin, customer, "day.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))).accepted());
        EnergyAnalyzer.Result r = energy.analyse(admin, customer, day, day);
        // Beijing outside the critical-peak months: valley 23-07 (32), peak 10-13 and 17-22 (32), flat 32 intervals
        assertEquals(32, r.tou().kwh().get(TouPeriod.VALLEY), 1e-9);
        assertEquals(32, r.tou().kwh().get(TouPeriod.PEAK), 1e-9);
        assertEquals(32, r.tou().kwh().get(TouPeriod.FLAT), 1e-9);
        // 32 × 0.96 + 32 × 0.60 + 32 × 0.24
        assertEquals(new BigDecimal("57.60"), r.tou().totalYuan());
    }

    @Test
    void a_period_without_readings_analyses_to_zeros_and_a_reversed_period_is_refused() {
        Viewer admin = users.viewer("admin");
        long customer = customers.search(admin, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).get(0).id();
        EnergyAnalyzer.Result r = energy.analyse(admin, customer, LocalDate.of(2010, 1, 1), LocalDate.of(2010, 1, 31));
        assertEquals(0, r.load().energyKwh());
        assertEquals(1, r.months().size());
        BusinessException e = assertThrows(BusinessException.class,
                () -> energy.analyse(admin, customer, LocalDate.of(2010, 2, 1), LocalDate.of(2010, 1, 1)));
        assertEquals(BusinessException.Kind.VALIDATION, e.kind());
    }

    @Test
    void two_provinces_are_seeded_with_their_sources_and_only_an_administrator_changes_prices() {
        assertTrue(tariffs.provinces().containsAll(java.util.List.of("北京", "广东")));
        TariffDetails guangdong = tariffs.list().stream().filter(t -> t.province().equals("广东")).findFirst()
                .orElseThrow();
        assertTrue(guangdong.source().contains("粤发改价格〔2021〕331号"));
        TouTariff domain = tariffs.resolver("广东", "1-10kV").apply(LocalDate.of(2025, 8, 1));
        assertEquals(TouPeriod.CRITICAL_PEAK, domain.periodsOn(LocalDate.of(2025, 8, 1))[44]); // 11:00
        assertEquals(TouPeriod.PEAK, domain.periodsOn(LocalDate.of(2025, 10, 1))[44]);
        BusinessException e = assertThrows(BusinessException.class,
                () -> tariffs.updatePrices(users.viewer("manager"), guangdong.id(), guangdong));
        assertEquals(BusinessException.Kind.FORBIDDEN, e.kind());
    }
}
