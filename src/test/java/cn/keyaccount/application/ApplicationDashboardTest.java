package cn.keyaccount.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationDashboardTest {

    @Inject
    ApplicationService applications;
    @Inject
    ApplicationDashboard dashboard;
    @Inject
    ApplicationFixtures fixtures;
    @Inject
    TestClock time;

    @AfterEach
    void realTime() {
        time.reset();
    }

    @Test
    void the_90th_percentile_is_the_nearest_rank() {
        assertEquals(9, ApplicationDashboard.p90(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        assertEquals(10, ApplicationDashboard.p90(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
        assertEquals(4, ApplicationDashboard.p90(new int[] {4}));
        assertEquals(0, ApplicationDashboard.p90(new int[0]));
    }

    @Test
    void a_late_completion_shows_in_the_durations_and_the_on_time_rate_and_in_the_workbook() throws IOException {
        Viewer manager = fixtures.viewer("manager");
        time.set(ZonedDateTime.of(2025, 3, 3, 10, 0, 0, 0, time.zone()));
        ApplicationDetails a = fixtures.billingChange(manager, fixtures.managersCustomer());
        a = applications.completeStep(manager, a.id(), ApplicationStep.ACCEPTANCE, a.version());
        time.set(ZonedDateTime.of(2025, 3, 24, 10, 0, 0, 0, time.zone()));
        a = applications.completeStep(manager, a.id(), ApplicationStep.CHANGE, a.version());
        assertTrue(a.usedDays() > a.limitDays(), "completed late: " + a.usedDays());
        DashboardSummary s = dashboard.summarise(manager, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        DashboardSummary.Duration billing = s.durations().stream()
                .filter(d -> d.kind() == ApplicationKind.BILLING_CHANGE).findFirst().orElseThrow();
        assertTrue(billing.completed() >= 1);
        assertTrue(billing.p90Days() >= a.usedDays() || billing.completed() > 1);
        DashboardSummary.OnTime handler = s.onTime().stream().filter(o -> o.by().equals("handler")
                && o.month().equals("2025-03")).findFirst().orElseThrow();
        assertTrue(handler.onTime() < handler.completed(), "the late one is not on time");
        byte[] xlsx = dashboard.workbook(s, key -> Messages.get(Messages.CHINESE, key));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(3, wb.getNumberOfSheets());
            assertEquals("平均用时", wb.getSheetAt(1).getRow(0).getCell(3).getStringCellValue());
            assertTrue(wb.getSheetAt(1).getLastRowNum() >= 1);
            assertEquals("2025-03", wb.getSheetAt(2).getRow(1).getCell(2).getStringCellValue());
        }
    }
}
