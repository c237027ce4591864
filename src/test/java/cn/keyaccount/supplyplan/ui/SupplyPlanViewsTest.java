package cn.keyaccount.supplyplan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.security.Role;
import cn.keyaccount.supplyplan.BookingRequest;
import cn.keyaccount.supplyplan.DueTask;
import cn.keyaccount.supplyplan.FleetService;
import cn.keyaccount.supplyplan.Party;
import cn.keyaccount.supplyplan.PlanAction;
import cn.keyaccount.supplyplan.PlanTaskService;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanFixtures;
import cn.keyaccount.supplyplan.PlanStatus;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.supplyplan.TaskDraft;
import cn.keyaccount.supplyplan.TruckDetails;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupplyPlanViewsTest extends BrowserlessQuarkusTest {

    @Inject
    PlanFixtures fixtures;
    @Inject
    SupplyPlanService plans;
    @Inject
    FleetService fleet;
    @Inject
    PlanTaskService tasks;

    @Test
    void a_manager_submits_a_draft_from_its_page_and_a_supervisor_approves_it_there() {
        PlanDetails p = fixtures.draft(fixtures.viewer("manager"), fixtures.managersCustomer(),
                PlanFixtures.freshWeek());
        signIn("manager", Role.MANAGER_NAME);
        SupplyPlanView view = open("plans/" + p.id(), SupplyPlanView.class);
        assertTrue(view.form.save.isVisible(), "a draft is editable");
        assertFalse(view.form.title.isReadOnly());
        assertEquals(p.tasks().size(), view.taskPanel.grid.getListDataView().getItemCount());
        test(button(view, "plan-submit")).click();
        assertEquals(PlanStatus.SUBMITTED, plans.get(fixtures.viewer("manager"), p.id()).status());
        assertTrue(view.status.getText().contains(getTranslation("plan.status.SUBMITTED")), view.status.getText());
        assertFalse(view.form.save.isVisible(), "submitted: read-only");

        signIn("supervisor", Role.SUPERVISOR_NAME);
        open(SupplyPlansView.class);
        SupplyPlanView approving = open("plans/" + p.id(), SupplyPlanView.class);
        test(button(approving, "plan-approve")).click();
        assertEquals(PlanStatus.APPROVED, plans.get(fixtures.viewer("supervisor"), p.id()).status());
    }

    @Test
    void after_approving_the_comment_field_is_empty_and_the_note_says_the_plan_was_approved() {
        PlanDetails p = fixtures.draft(fixtures.viewer("manager"), fixtures.managersCustomer(),
                PlanFixtures.freshWeek());
        plans.transition(fixtures.viewer("manager"), p.id(), PlanAction.SUBMIT, "");
        signIn("supervisor", Role.SUPERVISOR_NAME);
        SupplyPlanView view = open("plans/" + p.id(), SupplyPlanView.class);
        view.comment.setValue("同意，按预案执行");
        click(button(view, "plan-approve"));
        assertEquals(PlanStatus.APPROVED, plans.get(fixtures.viewer("supervisor"), p.id()).status());
        assertEquals("", view.comment.getValue(), "the comment went with the step");
        assertTrue(notifications().contains("预案已批准"), notifications().toString());
        assertFalse(notifications().contains(getTranslation("plan.action.APPROVE")), "not the button's name");
    }

    @Test
    void overdue_checklist_tasks_come_first_in_the_reminders_and_are_marked_overdue() {
        PlanDetails p = fixtures.draft(fixtures.viewer("manager"), fixtures.managersCustomer(),
                PlanFixtures.freshWeek());
        LocalDate today = LocalDate.now(PlanFormats.ZONE);
        String late = "逾期测试任务 " + p.id();
        String soon = "将到期测试任务 " + p.id();
        tasks.add(fixtures.viewer("manager"), p.id(), new TaskDraft(soon, Party.COMPANY, "客户经理", null,
                today.plusDays(2)));
        tasks.add(fixtures.viewer("manager"), p.id(), new TaskDraft(late, Party.COMPANY, "客户经理", null,
                today.minusDays(1)));
        signIn("manager", Role.MANAGER_NAME);
        SupplyPlansView view = open(SupplyPlansView.class);
        List<DueTask> rows = view.reminders.getListDataView().getItems().toList();
        int lateRow = rows.indexOf(rows.stream().filter(t -> t.title().equals(late)).findFirst().orElseThrow());
        int soonRow = rows.indexOf(rows.stream().filter(t -> t.title().equals(soon)).findFirst().orElseThrow());
        assertTrue(lateRow < soonRow, "overdue first");
        assertTrue(rows.stream().takeWhile(t -> t.dueOn().isBefore(today)).count()
                == rows.stream().filter(t -> t.dueOn().isBefore(today)).count(), "all overdue tasks before the rest");
        var grid = test(view.reminders);
        assertTrue(grid.getCellText(lateRow, 0).contains(getTranslation("plan.overdue")), grid.getCellText(lateRow, 0));
        assertFalse(grid.getCellText(soonRow, 0).contains(getTranslation("plan.overdue")));
    }

    @Test
    void the_fleet_calendar_names_a_booking_once_and_pages_by_two_weeks() {
        PlanDetails p = fixtures.draft(fixtures.viewer("manager"), fixtures.managersCustomer(),
                PlanFixtures.freshWeek());
        TruckDetails truck = fixtures.truck();
        fleet.book(fixtures.viewer("manager"), p.id(), new BookingRequest(truck.id(), null, null, ""));
        signIn("manager", Role.MANAGER_NAME);
        FleetView view = open(FleetView.class);
        LocalDate first = p.startsAt().atZoneSameInstant(PlanFormats.ZONE).toLocalDate();
        view.from.setValue(first);
        assertEquals(p.title(), view.cell(truck, first), "named on its first day");
        assertEquals("", view.cell(truck, first.plusDays(1)), "not repeated on the days after");
        view.from.setValue(first.plusDays(1));
        assertEquals(p.title(), view.cell(truck, first.plusDays(1)), "named on the first day shown");
        test($(com.vaadin.flow.component.button.Button.class).id("fleet-next")).click();
        assertEquals(first.plusDays(1 + FleetView.DAYS), view.from.getValue());
        test($(com.vaadin.flow.component.button.Button.class).id("fleet-previous")).click();
        assertEquals(first.plusDays(1), view.from.getValue());
        assertTrue(view.calendar.getColumns().stream().allMatch(c -> c.getWidth() != null && c.getFlexGrow() == 0),
                "fixed widths: each header stands over its cells");
    }

    @Test
    void the_plan_list_shows_the_managers_plans_and_the_fleet_calendar_names_the_plan_holding_a_truck() {
        PlanDetails p = fixtures.draft(fixtures.viewer("manager"), fixtures.managersCustomer(),
                PlanFixtures.freshWeek());
        TruckDetails truck = fixtures.truck();
        fleet.book(fixtures.viewer("manager"), p.id(), new BookingRequest(truck.id(), null, null, ""));
        signIn("manager", Role.MANAGER_NAME);
        SupplyPlansView list = open(SupplyPlansView.class);
        list.search.setValue(p.title());
        assertEquals(1, test(list.grid).size());
        assertEquals(p.title(), test(list.grid).getRow(0).title());

        FleetView fleetView = open(FleetView.class);
        LocalDate day = p.startsAt().atZoneSameInstant(PlanFormats.ZONE).toLocalDate();
        fleetView.from.setValue(day);
        assertEquals(p.title(), fleetView.cell(truck, day));
        assertEquals("", fleetView.cell(truck, day.plusDays(3)));
    }

    @Test
    void a_supervisor_adds_a_truck_from_the_fleet_calendar_and_a_missing_rating_is_marked_at_its_field() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        FleetView view = open(FleetView.class);
        test(view.addTruck).click();
        roundTrip();
        TruckForm form = view.truckForm;
        String plate = "苏A" + (System.nanoTime() % 100000);
        form.plate.setValue(plate);
        form.name.setValue("500kW 应急发电车");
        form.unit.setValue(form.unit.getListDataView().getItems().findFirst().orElseThrow());
        click(form.save);
        assertTrue(form.ratedKw.isInvalid(), "the rating is required and marked at its field");
        assertTrue(fleet.trucks().stream().noneMatch(t -> t.label().contains(plate)), "nothing saved");

        form.ratedKw.setValue(500);
        test(form.save).click();
        roundTrip();
        assertFalse(form.isOpened(), "the dialog closes after saving");
        assertTrue(fleet.trucks().stream().anyMatch(t -> t.label().contains(plate)), "the truck is in the fleet");
    }

    @Test
    void a_critical_load_that_is_not_a_number_is_marked_at_its_cell_and_nothing_is_saved() {
        PlanDetails p = fixtures.draft(fixtures.viewer("manager"), fixtures.managersCustomer(),
                PlanFixtures.freshWeek());
        signIn("manager", Role.MANAGER_NAME);
        SupplyPlanView view = open("plans/" + p.id(), SupplyPlanView.class);
        RowsEditor<?> loads = view.form.loads;
        assertTrue(loads.rowCount() > 0, "the template brings critical loads");
        loads.cell(0, 1).setValue("四百");
        test(view.form.save).click();
        assertTrue(((com.vaadin.flow.component.HasValidation) loads.cell(0, 1)).isInvalid());
        assertEquals(p.version(), plans.get(fixtures.viewer("manager"), p.id()).version(), "nothing saved");

        loads.cell(0, 1).setValue("400");
        test(view.form.save).click();
        assertFalse(((com.vaadin.flow.component.HasValidation) loads.cell(0, 1)).isInvalid());
    }

    @Test
    void a_manager_cannot_add_trucks() {
        signIn("manager", Role.MANAGER_NAME);
        FleetView view = open(FleetView.class);
        assertFalse(view.addTruck.isAttached(), "only administrators and supervisors register trucks");
    }

    @Test
    void the_customer_sees_the_demo_plan_in_force_with_their_own_duties_only() {
        signIn("customer", Role.CUSTOMER_NAME);
        PortalPlansView view = open(PortalPlansView.class);
        assertFalse(view.planCards.isEmpty(), "the demo gives the customer an active plan");
        assertFalse(view.dutyGrids.getFirst().getListDataView().getItems().toList().isEmpty());
        assertTrue(view.dutyGrids.getFirst().getListDataView().getItems().allMatch(d -> d.party() == Party.CUSTOMER));
        assertTrue(view.taskGrids.getFirst().getListDataView().getItems().allMatch(t -> t.party() == Party.CUSTOMER));
    }

    private static com.vaadin.flow.component.button.Button button(SupplyPlanView view, String id) {
        return view.actions.getChildren().filter(c -> id.equals(c.getId().orElse(null)))
                .map(com.vaadin.flow.component.button.Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + id));
    }

    private static String getTranslation(String key) {
        return cn.keyaccount.base.Messages.get(cn.keyaccount.base.Messages.CHINESE, key);
    }
}
