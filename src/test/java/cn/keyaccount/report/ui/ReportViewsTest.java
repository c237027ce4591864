package cn.keyaccount.report.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.report.ReportFormat;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportViewsTest extends BrowserlessQuarkusTest {

    @Inject
    Clock clock;

    @Inject
    ReportService reports;
    @Inject
    EnergyService energy;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    /** A report of the customer over one day of readings (2010-05-04). */
    private ReportDetails reportOf(long customerId) {
        Viewer admin = users.viewer("admin");
        StringBuilder csv = new StringBuilder("meter,time,kwh,kvarh\n");
        String meter = "RV" + System.nanoTime() % 100_000_000L;
        for (int k = 1; k <= 96; k++) {
            csv.append(meter).append(",2010-05-04 ").append(k == 96 ? "24:00"
                    : String.format("%02d:%02d", k * 15 / 60, k * 15 % 60)).append(",20,9\n");
        }
        assertTrue(energy.importReadings(admin, customerId, "v.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))).accepted());
        return reports.generate(admin, customerId, YearMonth.of(2010, 5), "zh", false, ReportService.Progress.NONE);
    }

    @Test
    void the_portal_lists_only_the_customers_own_reports_and_the_manager_tab_shows_their_downloads() {
        Viewer customer = users.viewer("customer");
        long own = customers.ownAccounts(customer).getLast().id();
        ReportDetails mine = reportOf(own);
        Viewer admin = users.viewer("admin");
        long other = customers.search(admin, cn.keyaccount.customer.CustomerSearch.all(),
                cn.keyaccount.customer.CustomerSearch.Order.DEFAULT, 5, 1).getFirst().id();
        ReportDetails theirs = reportOf(other);

        signIn("customer", Role.CUSTOMER_NAME);
        PortalReportsView portal = open(PortalReportsView.class);
        List<Long> shown = portal.grid.getGenericDataView().getItems().map(ReportDetails::id).toList();
        assertTrue(shown.contains(mine.id()));
        assertFalse(shown.contains(theirs.id()));
        reports.download(customer, mine.id(), ReportFormat.DOCX);

        ReportsPanel tab = new ReportsPanel(clock, reports, admin, own, true);
        ReportDetails listed = tab.grid.getGenericDataView().getItems().filter(r -> r.id() == mine.id()).findFirst()
                .orElseThrow();
        assertTrue(listed.downloadedByCustomer());
        assertEquals(YearMonth.now(clock).minusMonths(1), tab.month.getValue());
        assertTrue(tab.issue.isEnabled());
        assertFalse(new ReportsPanel(clock, reports, users.viewer("scheduler"), own, false).issue.isVisible()
                && new ReportsPanel(clock, reports, users.viewer("scheduler"), own, false).getChildren().count() > 1,
                "read-only viewers get the list only");
    }
}
