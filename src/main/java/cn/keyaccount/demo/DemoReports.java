package cn.keyaccount.demo;

import cn.keyaccount.report.ReportService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Last month's energy-audit reports of the demo customer user's accounts, issued as the monthly job would issue
 * them (with the "report ready" notice), so that the portal's report list is not empty on a fresh start. Whether to
 * issue them is decided at start (one query); issuing them takes seconds and runs in the background, so the
 * application does not wait for it. It is the last demo step (after {@link DemoEnergy}'s interval data, and after
 * the supply plans and outages, so that the background work does not slow down the rest of the start). Nodes
 * starting together may both try: the archive stores issue 1 of a customer's month once and sends its notice with
 * it.
 */
@ApplicationScoped
class DemoReports {

    private static final Logger LOG = Logger.getLogger(DemoReports.class);

    private final AgroalDataSource dataSource;
    private final ReportService reports;
    private final DemoDatabase demo;

    DemoReports(AgroalDataSource dataSource, ReportService reports, DemoDatabase demo) {
        this.demo = demo;
        this.dataSource = dataSource;
        this.reports = reports;
    }

    void onStart(@Observes @Priority(5000) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (!enabled || !demo.isDemo()) {
            return;
        }
        List<Long> accounts = accountsWithoutReports();
        if (!accounts.isEmpty()) {
            YearMonth month = YearMonth.now(ReportService.ZONE).minusMonths(1);
            // a thread of its own: the managed executor would carry the start's request context into the work, and
            // that context ends when the start does, in the middle of a report
            Thread.ofPlatform().name("demo-reports").daemon().start(() -> issue(accounts, month));
        }
    }

    /** Issues the month's report of each account; one that fails is logged and the others are still issued. */
    int issue(List<Long> accounts, YearMonth month) {
        long start = System.nanoTime();
        int made = 0;
        for (long customerId : accounts) {
            try {
                if (reports.generateScheduled(customerId, month)) {
                    made++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Demo report of customer %d for %s failed", customerId, month);
            }
        }
        LOG.infof("Demo reports: %d energy-audit reports for %s in %d ms", made, month,
                (System.nanoTime() - start) / 1_000_000);
        return made;
    }

    /** The demo customer user's accounts that have meter data, when no report has been issued yet at all. */
    private List<Long> accountsWithoutReports() {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select uc.customer_id from user_customer uc "
                     + "join app_user u on u.id = uc.user_id where u.username = 'customer' "
                     + "and exists (select 1 from meter m where m.customer_id = uc.customer_id) "
                     + "and not exists (select 1 from energy_report) order by uc.customer_id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}
