package cn.keyaccount.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.report.ReportOrigin;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoReportsTest {

    /** The reports are issued in the background after start: a few seconds, much longer on a loaded machine. */
    private static final Duration AT_MOST = Duration.ofMinutes(3);

    @Inject
    DemoReports demoReports;
    @Inject
    ReportService reports;
    @Inject
    EnergyService energy;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    private List<ReportDetails> demoReportsOf(Viewer customer, long accountId, YearMonth month) {
        return reports.list(customer, accountId, 0, 50).stream()
                .filter(r -> r.origin() == ReportOrigin.SCHEDULED && r.period().equals(month.toString())).toList();
    }

    @Test
    void the_demo_customer_finds_last_months_report_of_each_account_shortly_after_start() throws InterruptedException {
        Viewer customer = users.viewer("customer");
        YearMonth lastMonth = YearMonth.now(ReportService.ZONE).minusMonths(1);
        List<CustomerDetails> accounts = customers.ownAccounts(customer);
        assertFalse(accounts.isEmpty());
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        for (CustomerDetails a : accounts) {
            while (demoReportsOf(customer, a.id(), lastMonth).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            List<ReportDetails> issued = demoReportsOf(customer, a.id(), lastMonth);
            assertEquals(1, issued.size(), a.accountNo() + ": one demo report of " + lastMonth);
            assertEquals(2, issued.getFirst().files().size(), "XLSX and DOCX");
        }
    }

    @Test
    void a_demo_report_that_fails_is_logged_and_the_other_accounts_still_get_theirs() {
        Viewer admin = users.viewer("admin");
        long withData = customers.ownAccounts(users.viewer("customer")).getFirst().id();
        StringBuilder csv = new StringBuilder("meter,time,kwh,kvarh\n");
        for (int k = 1; k <= 96; k++) {
            csv.append("DR1").append(",2009-02-10 ").append(k == 96 ? "24:00"
                    : String.format("%02d:%02d", k * 15 / 60, k * 15 % 60)).append(",20,9\n");
        }
        assertTrue(energy.importReadings(admin, withData, "demo.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))).accepted());
        List<LogRecord> errors = new ArrayList<>();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(DemoReports.class.getName());
        log.addHandler(collect);
        try {
            assertEquals(1, demoReports.issue(List.of(-1L, withData), YearMonth.of(2009, 2)),
                    "the missing customer fails, the other is issued");
        } finally {
            log.removeHandler(collect);
        }
        assertEquals(1, errors.size());
        assertTrue(errors.getFirst().getThrown() != null, "logged with its cause");
        assertEquals(1, reports.list(admin, withData, 0, 50).stream()
                .filter(r -> r.period().equals("2009-02")).count());
    }
}
