package cn.keyaccount.visit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.TestClock;
import cn.keyaccount.visit.VisitDetails;
import cn.keyaccount.visit.VisitDraft;
import cn.keyaccount.visit.VisitRecordDraft;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.visit.VisitType;
import com.vaadin.flow.component.Component;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Objects;
import cn.keyaccount.security.Role;
import cn.keyaccount.visit.ComplianceRow;
import cn.keyaccount.visit.CustomerResponse;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitStatus;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VisitViewsTest extends BrowserlessQuarkusTest {

    @Test
    void a_manager_sees_this_week_records_a_visit_with_a_task_and_the_list_shows_it_done() {
        signIn("manager", Role.MANAGER_NAME);
        VisitCalendarView view = open(VisitCalendarView.class);
        assertEquals(VisitCalendarView.Mode.WEEK, view.mode.getValue());
        assertTrue(view.board.isVisible());
        assertEquals(7, view.board.getChildren().findFirst().orElseThrow().getChildren().count(), "seven days");
        assertTrue(view.getChildren().anyMatch(c -> c instanceof ManagerPanel), "reminders and feed link");

        view.mode.setValue(VisitCalendarView.Mode.LIST);
        assertTrue(view.list.isVisible());
        List<VisitRow> rows = view.list.getLazyDataView().getItems().toList();
        VisitRow open = rows.stream().filter(v -> v.status().isOpen()).findFirst().orElseThrow();

        view.openVisit(open.id());
        roundTrip();
        VisitDialog dialog = view.openDialog;
        VisitRecordForm form = dialog.recordForm;
        form.participants.setValue("客户经理、用电检查员");
        form.contactsMet.setValue("电气负责人 王工");
        form.findings.setValue("补偿电容器两组退出运行");
        form.demands.setValue("希望协助做能效诊断");
        form.satisfaction.setValue(5);
        VisitRecordForm.TaskLine task = form.addTaskLine();
        task.description.setValue("出具无功补偿整改建议");
        task.owner.setValue("营销部专责");
        task.due.setValue(open.plannedDate().plusDays(14));
        test(form.save).click();

        assertEquals(VisitStatus.DONE, dialog.details.visit().status());
        assertEquals(1, dialog.details.tasks().size());
        view.refresh();
        VisitRow after = view.list.getLazyDataView().getItems().filter(v -> v.id() == open.id()).findFirst()
                .orElseThrow();
        assertEquals(VisitStatus.DONE, after.status());
        assertEquals(1, after.openTasks());
    }

    @Inject
    VisitService visitService;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    TestClock time;

    @Test
    void a_visit_recorded_days_after_its_planned_day_shows_on_the_day_it_was_done() {
        Viewer manager = users.viewer("mgr07");
        LocalDate planned = visitService.today().plusDays(1);
        long customerId = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1)
                .getFirst().id();
        VisitDetails created = visitService.create(manager, new VisitDraft(customerId, VisitType.ROUTINE, planned,
                null));
        LocalDate done = planned.plusDays(4);
        try {
            time.set(done.plusDays(1).atTime(10, 0).atZone(time.zone()));
            visitService.record(manager, created.visit().id(), new VisitRecordDraft(done, null, "客户经理", "王工",
                    "配电室巡视无异常", "", 5, List.of(), created.visit().version()));
            signIn("mgr07", Role.MANAGER_NAME);
            VisitCalendarView view = open(VisitCalendarView.class);
            String id = Long.toString(created.visit().id());
            for (VisitCalendarView.Mode mode : List.of(VisitCalendarView.Mode.WEEK, VisitCalendarView.Mode.MONTH)) {
                view.mode.setValue(mode);
                view.anchor = done;
                view.refresh();
                assertTrue(visitsOn(view, done).contains(id), mode + ": on the day it was done");
                view.anchor = planned;
                view.refresh();
                assertFalse(visitsOn(view, planned).contains(id), mode + ": no longer on its planned day");
            }
        } finally {
            time.reset();
        }
    }

    /** The ids of the visit chips in the board's cell of a day. */
    private static List<String> visitsOn(VisitCalendarView view, LocalDate day) {
        return view.board.getChildren().findFirst().orElseThrow().getChildren()
                .filter(c -> day.toString().equals(c.getElement().getAttribute("data-date")))
                .flatMap(Component::getChildren).map(c -> c.getElement().getAttribute("data-visit"))
                .filter(Objects::nonNull).toList();
    }

    @Test
    void a_supervisor_sees_compliance_per_manager_with_a_total_and_drills_down_to_the_visits() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        VisitDashboardView view = open(VisitDashboardView.class);
        List<ComplianceRow> rows = view.table.getListDataView().getItems().toList();
        assertTrue(rows.size() > 2, "managers and a total");
        ComplianceRow total = rows.getLast();
        assertEquals(rows.subList(0, rows.size() - 1).stream().mapToLong(ComplianceRow::planned).sum(),
                total.planned());
        assertTrue(total.missed() > 0 && total.onTime() > 0, "the demo history has both: " + total);

        ComplianceRow first = rows.getFirst();
        view.drillDown(first);
        assertTrue(view.drill.isVisible());
        List<VisitRow> drilled = view.drill.getLazyDataView().getItems().toList();
        assertEquals(first.planned(), drilled.stream().filter(v -> v.status() != VisitStatus.CANCELLED).count());
        assertTrue(drilled.stream().allMatch(v -> String.valueOf(v.managerId()).equals(first.key())));
    }

    @Test
    void the_customer_portal_lists_upcoming_visits_and_sends_a_reschedule_request() {
        signIn("customer", Role.CUSTOMER_NAME);
        PortalVisitsView view = open(PortalVisitsView.class);
        List<VisitRow> upcoming = view.grid.getListDataView().getItems().toList();
        assertFalse(upcoming.isEmpty());
        VisitRow first = upcoming.getFirst();
        view.askReschedule(first);
        roundTrip();
        view.note.setValue("设备检修，请改到下周");
        test(view.sendRequest).click();
        VisitRow after = view.grid.getListDataView().getItems().filter(v -> v.id() == first.id()).findFirst()
                .orElseThrow();
        assertEquals(CustomerResponse.RESCHEDULE_REQUESTED, after.customerResponse());
        assertEquals("设备检修，请改到下周", after.customerNote());
    }

    @Test
    void a_manager_cannot_open_the_dashboard_or_the_policy() {
        signIn("manager", Role.MANAGER_NAME);
        assertFalse(openLocation("visits/dashboard") instanceof VisitDashboardView);
        assertFalse(openLocation("visits/policy") instanceof VisitPolicyView);
    }

    @Test
    void a_supervisor_changes_the_visit_policy() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        VisitPolicyView view = assertInstanceOf(VisitPolicyView.class, openLocation("visits/policy"));
        var tierC = view.grid.getListDataView().getItems().filter(l -> l.subject().equals("TIER_C")).findFirst()
                .orElseThrow();
        view.fields.get("TIER_C").setValue(5);
        view.save(tierC);
        var changed = view.grid.getListDataView().getItems().filter(l -> l.subject().equals("TIER_C")).findFirst()
                .orElseThrow();
        assertEquals(5, changed.intervalMonths());
        assertEquals("supervisor", changed.updatedBy());
        view.fields.get("TIER_C").setValue(6);
        view.save(changed);
    }

    @Test
    void an_interval_out_of_range_and_a_stale_line_are_refused_with_a_note_in_the_users_language() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        VisitPolicyView view = assertInstanceOf(VisitPolicyView.class, openLocation("visits/policy"));
        var tierB = view.grid.getListDataView().getItems().filter(l -> l.subject().equals("TIER_B")).findFirst()
                .orElseThrow();
        view.fields.get("TIER_B").setValue(30);

        asUser(view, () -> view.save(tierB));

        assertEquals(List.of(Messages.get(Messages.CHINESE, "error.validation") + " "
                + Messages.get(Messages.CHINESE, "error.visit-policy-range")), notifications());
        int before = tierB.intervalMonths();
        view.fields.get("TIER_B").setValue(before == 24 ? 23 : before + 1);
        view.save(tierB);
        asUser(view, () -> view.save(tierB));
        assertEquals(Messages.get(Messages.CHINESE, "error.stale"), notifications().getLast(),
                "the line was changed since it was read");
        var fresh = view.grid.getListDataView().getItems().filter(l -> l.subject().equals("TIER_B")).findFirst()
                .orElseThrow();
        view.fields.get("TIER_B").setValue(before);
        view.save(fresh);
    }
}
