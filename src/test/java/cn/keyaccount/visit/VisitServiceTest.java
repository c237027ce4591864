package cn.keyaccount.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.support.ExportStream;
import cn.keyaccount.support.TestClock;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VisitServiceTest {

    @Inject
    VisitService visits;
    @Inject
    VisitPlanningService planning;
    @Inject
    VisitCompliance compliance;
    @Inject
    VisitExcel excel;
    @Inject
    UserService users;
    @Inject
    TestClock time;
    @Inject
    CustomerService customers;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private List<VisitRow> openAhead(Viewer manager) {
        return visits.list(manager, new VisitQuery(today.plusDays(1), today.plusDays(90), manager.userId(), null,
                null, VisitQuery.Show.OPEN), 0, 2000);
    }

    @Test
    void planned_visits_are_read_back_at_the_slot_times_they_were_planned_at_in_shanghai_time() {
        Viewer manager = users.viewer("mgr05");
        planning.regenerate(manager, manager.userId());
        List<java.time.LocalTime> slots = List.of(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(10, 30),
                java.time.LocalTime.of(14, 30), java.time.LocalTime.of(16, 0));
        List<VisitRow> ahead = openAhead(manager);
        assertTrue(!ahead.isEmpty(), "the planner planned visits");
        for (VisitRow v : ahead) {
            assertTrue(v.plannedTime() == null || slots.contains(v.plannedTime()),
                    "written by the planner, read by the service: same wall-clock time, got " + v.plannedTime());
        }
    }

    @Test
    void regenerating_keeps_visits_people_moved_confirmed_recorded_or_cancelled_and_adds_none_beside_them() {
        Viewer manager = users.viewer("mgr29");
        planning.regenerate(manager, manager.userId());
        List<VisitRow> planned = openAhead(manager).stream()
                .filter(v -> v.origin() == VisitOrigin.PLANNER && v.plannedDate().isAfter(today.plusDays(3)))
                .toList();
        List<Long> customersSeen = new java.util.ArrayList<>();
        List<VisitRow> four = planned.stream().filter(v -> {
            boolean first = !customersSeen.contains(v.customerId());
            customersSeen.add(v.customerId());
            return first;
        }).limit(4).toList();
        assertEquals(4, four.size(), "the plan has future visits of four customers");
        VisitRow moved = four.get(0);
        VisitRow confirmed = four.get(1);
        VisitRow recorded = four.get(2);
        VisitRow cancelled = four.get(3);
        LocalDate movedTo = moved.plannedDate().plusDays(2);
        visits.move(manager, moved.id(), movedTo, null, moved.version());
        visits.confirm(manager, confirmed.id(), confirmed.version());
        visits.record(manager, recorded.id(), new VisitRecordDraft(today, null, "客户经理", "电工", "正常", null, 5,
                List.of(), null));
        visits.cancel(manager, cancelled.id(), "客户停产", cancelled.version());
        int before = openAhead(manager).size();

        PlanResult again = planning.regenerate(manager, manager.userId());

        assertTrue(again.replaced() > 0, "untouched planner visits are replaced");
        assertEquals(movedTo, visits.get(manager, moved.id()).visit().plannedDate());
        assertEquals(VisitStatus.CONFIRMED, visits.get(manager, confirmed.id()).visit().status());
        assertEquals(VisitStatus.DONE, visits.get(manager, recorded.id()).visit().status());
        assertEquals(VisitStatus.CANCELLED, visits.get(manager, cancelled.id()).visit().status());
        List<VisitRow> after = openAhead(manager);
        for (VisitRow kept : List.of(moved, confirmed)) {
            LocalDate date = visits.get(manager, kept.id()).visit().plannedDate();
            long near = after.stream().filter(v -> v.customerId() == kept.customerId() && v.id() != kept.id()
                    && Math.abs(v.plannedDate().toEpochDay() - date.toEpochDay()) < 20).count();
            assertEquals(0, near, "no second visit planned beside a kept one");
        }
        assertTrue(Math.abs(after.size() - before) <= 1, "a regeneration neither doubles nor drops visits: "
                + before + " → " + after.size());
    }

    @Test
    void a_manager_cannot_see_another_managers_visit_and_a_scheduler_cannot_change_one() {
        Viewer manager = users.viewer("manager");
        Viewer other = users.viewer("mgr02");
        VisitRow foreign = visits.list(other, VisitQuery.between(today, today.plusDays(90)).withManager(
                other.userId()), 0, 50).stream().filter(v -> customers.search(manager, CustomerSearch.all(),
                CustomerSearch.Order.DEFAULT, 0, 500).stream().noneMatch(c -> c.id() == v.customerId()))
                .findFirst().orElseThrow();
        assertEquals(BusinessException.Kind.NOT_FOUND,
                assertThrows(BusinessException.class, () -> visits.get(manager, foreign.id())).kind());
        assertTrue(visits.list(manager, VisitQuery.between(today, today.plusDays(90)), 0, 2000).stream()
                .noneMatch(v -> v.id() == foreign.id()));
        Viewer scheduler = users.viewer("scheduler");
        assertFalse(visits.get(scheduler, foreign.id()).editable());
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> visits.cancel(scheduler, foreign.id(), "x", null)).kind());
    }

    @Test
    void a_recorded_visit_with_a_follow_up_task_counts_on_time_and_its_late_task_is_overdue() {
        Viewer manager = users.viewer("mgr28");
        CustomerRow customer = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1)
                .getFirst();
        VisitDetails added = visits.create(manager, new VisitDraft(customer.id(), VisitType.SAFETY_INSPECTION,
                today, null));
        assertEquals(VisitOrigin.MANUAL, added.visit().origin());
        BusinessException noSatisfaction = assertThrows(BusinessException.class, () -> visits.record(manager,
                added.visit().id(), new VisitRecordDraft(today, null, null, null, "ok", null, 9, List.of(), null)));
        assertTrue(noSatisfaction.fieldErrors().stream().anyMatch(f -> f.field().equals("satisfaction")));
        String task = "测试整改 " + System.nanoTime();
        VisitDetails done = visits.record(manager, added.visit().id(), new VisitRecordDraft(today, null, "经理、专责",
                "电工李", "电容器退出", "希望提前通知停电", 4,
                List.of(new TaskDraft(task, "营销部专责", today.minusDays(1))), null));
        assertEquals(VisitStatus.DONE, done.visit().status());
        assertEquals(1, done.tasks().size());
        assertTrue(done.tasks().getFirst().overdue());
        assertTrue(visits.tasks(manager, true, null, 0, 500).stream().anyMatch(t -> t.description().equals(task)));

        Viewer supervisor = users.viewer("supervisor");
        ComplianceRow row = compliance.rows(supervisor, today, today, VisitCompliance.GroupBy.MANAGER).stream()
                .filter(r -> r.key().equals(String.valueOf(manager.userId()))).findFirst().orElseThrow();
        assertTrue(row.onTime() >= 1 && row.overdueTasks() >= 1, row.toString());

        visits.closeTask(manager, done.tasks().getFirst().id());
        assertTrue(visits.tasks(manager, true, null, 0, 500).stream().noneMatch(t -> t.description().equals(task)));
    }

    @Test
    void a_visit_becomes_overdue_once_the_application_clock_passes_its_day_and_cannot_then_be_moved_back() {
        Viewer manager = users.viewer("mgr28");
        CustomerRow customer = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1)
                .getFirst();
        LocalDate day = today.plusDays(3);
        VisitDetails added = visits.create(manager, new VisitDraft(customer.id(), VisitType.SAFETY_INSPECTION, day,
                null));
        assertFalse(added.visit().overdue());
        try {
            time.set(day.plusDays(1).atTime(0, 0).atZone(time.zone()));
            assertEquals(day.plusDays(1), visits.today());
            assertTrue(visits.get(manager, added.visit().id()).visit().overdue(), "overdue the day after, by the clock");
            BusinessException past = assertThrows(BusinessException.class,
                    () -> visits.move(manager, added.visit().id(), day, null, null));
            assertEquals("plannedDate", past.fieldErrors().getFirst().field());
            time.set(day.atTime(23, 59).atZone(time.zone()));
            assertFalse(visits.get(manager, added.visit().id()).visit().overdue(), "still its day until midnight");
        } finally {
            time.reset();
        }
        assertFalse(visits.get(manager, added.visit().id()).visit().overdue());
    }

    @Test
    void cancelling_needs_a_reason() {
        Viewer manager = users.viewer("manager");
        VisitRow open = openAhead(manager).getFirst();
        BusinessException e = assertThrows(BusinessException.class,
                () -> visits.cancel(manager, open.id(), "  ", null));
        assertEquals("reason", e.fieldErrors().getFirst().field());
        assertTrue(visits.get(manager, open.id()).visit().status().isOpen());
    }

    @Test
    void a_customer_sees_their_upcoming_visits_and_a_reschedule_request_reaches_the_manager() {
        Viewer customer = users.viewer("customer");
        List<VisitRow> upcoming = visits.upcomingForCustomer(customer);
        assertFalse(upcoming.isEmpty(), "the demo customer has visits coming");
        VisitRow first = upcoming.getLast();
        visits.respond(customer, first.id(), CustomerResponse.RESCHEDULE_REQUESTED, "那天停产检修", null);
        Viewer manager = users.viewer("manager");
        assertTrue(visits.list(manager, new VisitQuery(null, null, null, null, null,
                VisitQuery.Show.RESCHEDULE_REQUESTED), 0, 100).stream().anyMatch(v -> v.id() == first.id()));
        assertThrows(BusinessException.class, () -> visits.respond(manager, first.id(), CustomerResponse.CONFIRMED,
                null, null));
    }

    @Test
    void the_excel_export_of_the_longest_period_streams_every_visit_without_holding_a_transaction()
            throws Exception {
        Viewer supervisor = users.viewer("supervisor");
        LocalDate from = today.minusDays(VisitExcel.MAX_DAYS - 35);
        LocalDate to = today.plusDays(35);
        ExportStream out = new ExportStream();
        int chunk = 50;
        excel.export(supervisor, from, to, out, chunk);
        assertTrue(out.writes() > 0, "the workbook was written");
        assertEquals(0, out.writesInTransaction(), "no transaction is open while the file is written");
        List<VisitRow> expected = visits.list(supervisor, VisitQuery.between(from, to), 0, 1_000_000).stream()
                .filter(v -> v.status() != VisitStatus.CANCELLED).toList();
        assertTrue(expected.size() > 3 * chunk, "the period spans several pages: " + expected.size());
        try (XSSFWorkbook wb = new XSSFWorkbook(out.read())) {
            Sheet sheet = wb.getSheet("走访记录 Visits");
            assertEquals(expected.size(), sheet.getLastRowNum(), "one row per visit, none twice, none lost");
            java.util.Set<String> accounts = new java.util.HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                accounts.add(sheet.getRow(r).getCell(0).getStringCellValue() + "|"
                        + sheet.getRow(r).getCell(4).getStringCellValue());
                String status = sheet.getRow(r).getCell(5).getStringCellValue();
                assertTrue(status.matches(".*[\\u4e00-\\u9fa5].*"), "status is words, not a code: " + status);
            }
            assertEquals(expected.stream().map(v -> v.accountNo() + "|" + v.plannedDate()).distinct().count(),
                    accounts.size(), "the rows are the period's visits");
            String type = sheet.getRow(1).getCell(3).getStringCellValue();
            assertTrue(type.matches(".*[\\u4e00-\\u9fa5].* .*"), "the type reads in Chinese and English: " + type);
            long tasks = expected.stream().mapToLong(v -> visits.get(supervisor, v.id()).tasks().size()).sum();
            assertEquals(tasks, wb.getSheet("整改任务 Tasks").getLastRowNum(), "every follow-up task of those visits");
        }
    }

    @Test
    void the_excel_export_holds_the_visits_and_tasks_of_the_period() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Viewer supervisor = users.viewer("supervisor");
        excel.export(supervisor, today.minusDays(30), today, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheet("走访记录 Visits");
            assertEquals("户号 Account no", sheet.getRow(0).getCell(0).getStringCellValue());
            long expected = visits.list(supervisor, VisitQuery.between(today.minusDays(30), today), 0, 100_000)
                    .stream().filter(v -> v.status() != VisitStatus.CANCELLED).count();
            assertEquals(expected, sheet.getLastRowNum());
            assertTrue(wb.getSheet("整改任务 Tasks").getLastRowNum() > 0, "demo history has follow-up tasks");
        }
        assertEquals(BusinessException.Kind.VALIDATION, assertThrows(BusinessException.class,
                () -> excel.export(supervisor, today, today.minusDays(1), new ByteArrayOutputStream())).kind());
    }
}
