package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ExportStream;
import cn.keyaccount.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestDashboardTest {

    private static final LocalDate FROM = LocalDate.of(2031, 3, 1);
    private static final LocalDate TO = LocalDate.of(2031, 3, 31);

    @Inject
    ServiceRequestService requests;
    @Inject
    ReturnVisitService returnVisits;
    @Inject
    RequestDashboard dashboard;
    @Inject
    RequestDashboardWorkbook workbook;
    @Inject
    ServiceRequestQueries queries;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    TestClock time;

    private static boolean made;

    @AfterEach
    void realTime() {
        time.reset();
    }

    /**
     * Ten urban repairs received on 2031-03-03 09:00, the crew on site after 10, 20 … 100 minutes, power back an
     * hour after that; return visits on the 5th (5), 6th (4) and 7th (1: reopened). Made once for the class.
     */
    private void tenRepairs() {
        if (made) {
            return;
        }
        Viewer manager = users.viewer("manager");
        long customer = customers.search(manager, CustomerSearch.text(""), CustomerSearch.Order.DEFAULT, 0, 1)
                .getFirst().id();
        ZonedDateTime start = ZonedDateTime.of(2031, 3, 3, 9, 0, 0, 0, time.zone());
        time.set(start);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ids.add(requests.create(manager, new RequestDraft(customer, RequestType.REPAIR, null, ServiceArea.URBAN,
                    "看板测试报修 " + i, null, null)).request().id());
        }
        for (int i = 1; i <= 10; i++) {
            time.set(start.plusMinutes(10L * i));
            requests.start(manager, ids.get(i - 1), null);
        }
        for (int i = 1; i <= 10; i++) {
            time.set(start.plusMinutes(10L * i + 60));
            requests.close(manager, ids.get(i - 1), "已恢复供电", null);
        }
        time.set(start.plusHours(5));
        returnVisits.record(manager, ids.get(4), 5, null, null);
        returnVisits.record(manager, ids.get(5), 4, null, null);
        returnVisits.record(manager, ids.get(6), 1, "抢修人员态度差", null);
        made = true;
    }

    @Test
    void repair_times_are_the_median_and_90th_percentile_against_the_commitment_with_satisfaction() {
        tenRepairs();
        time.set(ZonedDateTime.of(2031, 3, 3, 15, 0, 0, 0, time.zone()));
        DashboardDetails d = dashboard.summarise(users.viewer("manager"), FROM, TO);
        DashboardDetails.RepairTimes arrival = d.repairs().stream().filter(r -> r.area() == ServiceArea.URBAN
                && r.measure() == DashboardDetails.Measure.ARRIVAL).findFirst().orElseThrow();
        assertEquals(10, arrival.count());
        assertEquals(new BigDecimal("55.0"), arrival.median());
        assertEquals(new BigDecimal("91.0"), arrival.p90(), "continuous: 90 + 0.1 × (100 − 90)");
        assertEquals(new BigDecimal("45.0"), arrival.commitment(), "十项承诺: 45 minutes in town");
        assertEquals(4, arrival.met());
        DashboardDetails.RepairTimes restored = d.repairs().stream().filter(r -> r.area() == ServiceArea.URBAN
                && r.measure() == DashboardDetails.Measure.RESTORATION).findFirst().orElseThrow();
        assertEquals(9, restored.count(), "the reopened one has no restoration any more");
        assertEquals(new BigDecimal("110.0"), restored.median());
        assertEquals(new BigDecimal("152.0"), restored.p90());
        DashboardDetails.Compliance repairs = d.compliance().stream().filter(c -> c.by()
                == DashboardDetails.By.TYPE && c.group().equals("REPAIR")).findFirst().orElseThrow();
        assertEquals(10, repairs.due());
        assertEquals(4, repairs.met(), "on site in time and power back in time");
        assertEquals(new BigDecimal("40.0"), repairs.rate());
        assertTrue(d.compliance().stream().anyMatch(c -> c.by() == DashboardDetails.By.MONTH
                && c.group().equals("2031-03") && c.due() == 10));
        assertTrue(d.compliance().stream().anyMatch(c -> c.by() == DashboardDetails.By.MANAGER
                && c.group().equals(users.get(Viewer.system(), users.viewer("manager").userId()).displayName())));
        DashboardDetails.Satisfaction s = d.satisfaction().getFirst();
        assertEquals(RequestType.REPAIR, s.type());
        assertEquals(3, s.visits());
        assertEquals(new BigDecimal("3.33"), s.average());
        assertEquals(1, s.dissatisfied());
    }

    @Test
    void open_requests_are_counted_in_the_viewers_own_scope_as_the_list_shows_them() {
        tenRepairs();
        RequestFilter open = new RequestFilter(null, null, null, true, null, false);
        for (String who : List.of("manager", "supervisor.cg", "supervisor", "admin")) {
            Viewer v = users.viewer(who);
            DashboardDetails d = dashboard.summarise(v, FROM, TO);
            assertEquals(queries.count(v, open), d.open().stream().mapToLong(DashboardDetails.OpenByType::total)
                    .sum(), who + ": the dashboard and the list agree");
            for (DashboardDetails.OpenByType o : d.open()) {
                assertEquals(o.total(), o.byAge().stream().mapToLong(Long::longValue).sum());
                assertEquals(queries.count(v, new RequestFilter(null, o.type(), null, true, null, false)), o.total(),
                        who + ": the drill-down lists as many");
            }
        }
    }

    @Test
    void the_period_is_checked_and_a_scheduler_has_no_dashboard() {
        Viewer manager = users.viewer("manager");
        assertEquals(BusinessException.Kind.VALIDATION, assertThrows(BusinessException.class,
                () -> dashboard.summarise(manager, TO, FROM)).kind());
        assertEquals(BusinessException.Kind.VALIDATION, assertThrows(BusinessException.class,
                () -> dashboard.summarise(manager, FROM.minusYears(4), TO)).kind());
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> dashboard.summarise(users.viewer("scheduler"), FROM, TO)).kind());
    }

    @Test
    void the_workbook_is_streamed_page_by_page_outside_any_transaction_and_reads_back() throws Exception {
        tenRepairs();
        ExportStream out = new ExportStream();
        workbook.write(users.viewer("manager"), FROM, TO, Locale.SIMPLIFIED_CHINESE, out, 3);
        assertEquals(0, out.writesInTransaction());
        try (XSSFWorkbook wb = new XSSFWorkbook(out.read())) {
            assertEquals(5, wb.getNumberOfSheets());
            Sheet list = wb.getSheet("工单明细");
            assertEquals(11, list.getPhysicalNumberOfRows(), "a header and the ten repairs, read three at a time");
            assertEquals("故障报修", list.getRow(1).getCell(3).getStringCellValue());
            Sheet repairs = wb.getSheet("抢修时长");
            assertEquals(55.0, repairs.getRow(1).getCell(3).getNumericCellValue());
            assertEquals("回访满意度", wb.getSheetName(3));
        }
    }
}
