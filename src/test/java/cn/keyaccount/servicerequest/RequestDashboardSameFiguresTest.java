package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures are the same, figure for figure, as the straightforward statements it replaced
 * ({@link RequestDashboardBefore}: every request joined to its customer, units and handler, grouping sets and
 * percentiles over the rows), on the same data ({@link DashboardTestData}), seen by the administrator, the county's
 * and a district's supervisor and two managers, over the two years and over a stretch that cuts months in half.
 */
@QuarkusTest
class RequestDashboardSameFiguresTest {

    @Inject
    RequestDashboard dashboard;
    @Inject
    RequestDashboardBefore before;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    @Inject
    TestClock time;

    @AfterEach
    void cleanUp() {
        time.reset();
        DashboardTestData.delete(em);
    }

    @Test
    void the_dashboard_shows_the_same_figures_as_the_joins_and_percentiles_over_every_row() {
        DashboardTestData.insert(em);
        // two years on: the open ones of the last weeks are partly in time, partly overdue
        time.set(DashboardTestData.NOW.atZone(time.zone()));
        for (String who : List.of("admin", "supervisor", "supervisor.cg", "manager", "mgr02")) {
            Viewer v = users.viewer(who);
            for (LocalDate[] period : List.of(new LocalDate[] {DashboardTestData.FROM, DashboardTestData.TO},
                    new LocalDate[] {LocalDate.of(2029, 3, 15), LocalDate.of(2029, 5, 10)})) {
                DashboardDetails now = dashboard.summarise(v, period[0], period[1]);
                DashboardDetails then = before.summarise(v, period[0], period[1]);
                assertFalse(then.compliance().isEmpty(), who + ": the data reach this viewer");
                assertEquals(then.open(), now.open(), who + " " + period[0] + ": open requests");
                assertEquals(then.compliance(), now.compliance(), who + " " + period[0] + ": compliance");
                assertEquals(then.repairs(), now.repairs(), who + " " + period[0] + ": repair times");
                assertEquals(then.satisfaction(), now.satisfaction(), who + " " + period[0] + ": satisfaction");
                assertEquals(then, now);
            }
        }
    }
}
