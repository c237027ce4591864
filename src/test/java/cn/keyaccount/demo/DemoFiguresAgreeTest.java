package cn.keyaccount.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.billing.BillDetails;
import cn.keyaccount.billing.BillingService;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.MonthFigures;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16, trust item 4: every figure the demo states about consumption comes from its own interval data. */
@QuarkusTest
class DemoFiguresAgreeTest {

    @Inject
    BillingService billing;
    @Inject
    EnergyService energy;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    @Test
    void each_demo_bill_holds_the_kwh_and_charges_of_its_month_of_interval_data() {
        Viewer customer = users.viewer(Login.CUSTOMER.username);
        List<CustomerDetails> own = customers.ownAccounts(customer);
        assertFalse(own.isEmpty());
        int checked = 0;
        for (CustomerDetails a : own) {
            EnergyService.Coverage coverage = energy.coverage(customer, a.id());
            for (BillDetails bill : billing.ofCustomer(customer, a.id())) {
                YearMonth month = YearMonth.parse(bill.period());
                if (month.isAfter(YearMonth.from(coverage.lastDay()))) {
                    continue; // a bill another test imported for a far-off month
                }
                EnergyAnalyzer.Result r = energy.analyse(customer, a.id(), month.atDay(1), month.atEndOfMonth());
                MonthFigures m = r.months().getFirst();
                String where = a.accountNo() + " " + month;
                assertTrue(Math.abs(bill.kwh().doubleValue() - m.kwh()) <= 1,
                        where + ": bill " + bill.kwh() + " kWh, interval data " + m.kwh() + " kWh");
                assertEquals(m.basicYuan(), bill.basicCharge(), where + " basic charge");
                assertEquals(m.adjustmentYuan(), bill.pfAdjustment(), where + " power-factor adjustment");
                assertEquals(m.totalYuan(), bill.total(), where + " total");
                checked++;
            }
        }
        assertTrue(checked >= 2 * own.size(), "two bills an account, found " + checked);
    }

    @Test
    void the_annual_consumption_of_each_metered_demo_customer_is_its_metered_last_twelve_months() {
        Viewer admin = users.viewer(Login.ADMIN.username);
        int checked = 0;
        for (long id : Api.visibleCustomerIds(Login.MANAGER)) {
            EnergyService.Coverage c = energy.coverage(admin, id);
            if (c.lastDay() == null) {
                continue;
            }
            LocalDate to = c.lastDay();
            EnergyAnalyzer.Result year = energy.analyse(admin, id, to.minusYears(1).plusDays(1), to);
            BigDecimal annual = customers.get(admin, id).annualKwh();
            assertEquals(Math.round(year.load().energyKwh()), annual.longValue(),
                    "customer " + id + ": profile " + annual + " kWh a year, metered " + year.load().energyKwh());
            checked++;
        }
        assertTrue(checked >= 5, "metered customers checked: " + checked);
    }

    @Test
    void the_portal_bill_and_the_staff_energy_analysis_over_rest_show_the_same_kwh_for_the_month() {
        long account = Api.visibleCustomerIds(Login.CUSTOMER).getFirst();
        List<Map<String, Object>> bills = Api.as(Login.CUSTOMER).get("/api/billing/customers/{id}/bills", account)
                .then().statusCode(200).extract().jsonPath().getList("");
        assertFalse(bills.isEmpty());
        int checked = 0;
        for (Map<String, Object> bill : bills) {
            YearMonth month = YearMonth.parse((String) bill.get("period"));
            if (month.isAfter(YearMonth.from(LocalDate.now()))) {
                continue; // a bill another test imported for a far-off month
            }
            checked++;
            String body = Api.as(Login.MANAGER).queryParam("from", month.atDay(1).toString())
                    .queryParam("to", month.atEndOfMonth().toString())
                    .get("/api/customers/{id}/energy/analysis", account).then().statusCode(200).extract().asString();
            // read as double: JsonPath reads a decimal as a float by default, 0.125 kWh apart at a million kWh, which
            // moved a month of 1.12 million kWh onto the other side of a half and rounded it to the other whole kWh
            // (the demo data of 2026-12-08, Asia/Shanghai)
            double kwh = JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE))
                    .getDouble("months[0].kwh");
            assertEquals(Math.round(kwh), new BigDecimal(bill.get("kwh").toString()).longValue(),
                    month + ": portal bill against the manager's energy page");
        }
        assertTrue(checked >= 2, "the demo's two bills");
    }
}
