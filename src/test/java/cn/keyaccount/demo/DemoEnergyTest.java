package cn.keyaccount.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.MonthFigures;
import cn.keyaccount.energy.TransformerLoad;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoEnergyTest {

    @Inject
    EnergyService energy;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    @Test
    void the_demo_customer_sees_two_years_of_readings_on_each_account_with_the_diagnosis_filled_in() {
        Viewer customer = users.viewer("customer");
        List<CustomerDetails> accounts = customers.ownAccounts(customer);
        assertFalse(accounts.isEmpty());
        for (CustomerDetails a : accounts) {
            EnergyService.Coverage coverage = energy.coverage(customer, a.id());
            assertNotNull(coverage.lastDay(), a.accountNo() + " has readings");
            assertTrue(coverage.firstDay().isBefore(coverage.lastDay().minusMonths(24)));
            assertFalse(coverage.meters().isEmpty());
            LocalDate to = coverage.lastDay();
            EnergyAnalyzer.Result year = energy.analyse(customer, a.id(), to.minusYears(1).plusDays(1), to);
            assertTrue(year.load().energyKwh() > 0);
            assertTrue(year.load().loadFactor() > 0.1 && year.load().loadFactor() < 0.98,
                    "a believable load factor: " + year.load().loadFactor());
            for (MonthFigures m : year.months()) {
                assertTrue(m.powerFactor().compareTo(new BigDecimal("0.70")) > 0
                        && m.powerFactor().compareTo(BigDecimal.ONE) <= 0, m.month() + " " + m.powerFactor());
            }
        }
    }

    @Test
    void the_demo_customers_accounts_show_load_rates_transformer_by_transformer_one_of_them_shared_by_rating() {
        Viewer customer = users.viewer("customer");
        boolean allMetered = false;
        boolean shared = false;
        for (CustomerDetails a : customers.ownAccounts(customer)) {
            EnergyService.Coverage c = energy.coverage(customer, a.id());
            EnergyAnalyzer.Result r = energy.analyse(customer, a.id(), c.lastDay().minusMonths(1), c.lastDay());
            assertTrue(r.transformers().size() >= 2, a.accountNo() + " has two transformers");
            assertTrue(r.transformers().stream().allMatch(TransformerLoad::measured));
            allMetered |= r.transformers().stream().allMatch(t -> t.basis() == TransformerLoad.Basis.METERED);
            shared |= r.transformers().stream().anyMatch(t -> t.basis() == TransformerLoad.Basis.SHARED_BY_RATING);
        }
        assertTrue(allMetered, "an account whose meters are all mapped");
        assertTrue(shared, "an account with a transformer loaded by its share of an unmapped meter");
    }

    @Test
    void one_demo_account_carries_gaps_spikes_and_a_stuck_meter_for_the_anomaly_report() {
        Viewer customer = users.viewer("customer");
        boolean found = false;
        for (CustomerDetails a : customers.ownAccounts(customer)) {
            EnergyService.Coverage c = energy.coverage(customer, a.id());
            EnergyAnalyzer.Result r = energy.analyse(customer, a.id(), c.lastDay().minusYears(1).plusDays(1),
                    c.lastDay());
            found |= !r.anomalies().gaps().isEmpty() && !r.anomalies().spikes().isEmpty()
                    && !r.anomalies().flatLines().isEmpty();
        }
        assertTrue(found);
    }

    @Test
    void the_demo_manager_has_energy_data_for_customers_of_several_industries_but_a_bounded_number() {
        Viewer manager = users.viewer("manager");
        long withData = customers.search(manager, cn.keyaccount.customer.CustomerSearch.all(),
                        cn.keyaccount.customer.CustomerSearch.Order.DEFAULT, 0, 500).stream()
                .filter(r -> energy.coverage(manager, r.id()).lastDay() != null).count();
        assertTrue(withData >= 3, "some of the manager's customers have readings: " + withData);
        assertTrue(withData <= 22 + 10, "bounded, not per customer: " + withData);
    }

    @Test
    void a_two_shift_factory_runs_by_day_rests_at_night_and_on_sundays() {
        DemoLoadCurve.Shape s = DemoLoadCurve.Shape.TWO_SHIFTS;
        double workdayNoon = DemoLoadCurve.level(s, DemoLoadCurve.Kind.WORKDAY, 40);
        double workdayNight = DemoLoadCurve.level(s, DemoLoadCurve.Kind.WORKDAY, 12);
        double sundayNoon = DemoLoadCurve.level(s, DemoLoadCurve.Kind.SUNDAY, 40);
        double springFestival = DemoLoadCurve.level(s, DemoLoadCurve.Kind.SPRING_FESTIVAL, 40);
        assertTrue(workdayNight < workdayNoon / 3);
        assertTrue(sundayNoon < workdayNoon / 2);
        assertTrue(springFestival < sundayNoon);
        assertEquals(DemoLoadCurve.Shape.VALLEY_SHIFTED, DemoLoadCurve.shapeOf("C30"));
        assertTrue(DemoLoadCurve.level(DemoLoadCurve.Shape.VALLEY_SHIFTED, DemoLoadCurve.Kind.WORKDAY, 8)
                > DemoLoadCurve.level(DemoLoadCurve.Shape.VALLEY_SHIFTED, DemoLoadCurve.Kind.WORKDAY, 44));
    }
}
