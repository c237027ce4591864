package cn.keyaccount.assignment.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.assignment.ManagerWorkload;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.security.Role;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.GridTester;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentViewTest extends BrowserlessQuarkusTest {

    private static ManagerWorkload loadOf(AssignmentView view, long managerId) {
        return view.workloadGrid.getListDataView().getItems().filter(w -> w.managerId() == managerId)
                .findFirst().orElseThrow();
    }

    @Test
    void a_supervisor_assigns_two_customers_and_the_workload_table_updates() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        AssignmentView view = open(AssignmentView.class);
        GridTester<?, CustomerRow> customers = test(view.customerGrid);
        assertTrue(customers.size() > 2, "the customer list loads");
        List<ManagerWorkload> loads = view.workloadGrid.getListDataView().getItems().toList();
        CustomerRow first = customers.getRow(0);
        CustomerRow second = customers.getRow(1);
        ManagerWorkload target = loads.stream()
                .filter(w -> !Long.valueOf(w.managerId()).equals(first.managerId())
                        && !Long.valueOf(w.managerId()).equals(second.managerId()))
                .findFirst().orElseThrow();

        view.customerGrid.select(first);
        view.customerGrid.select(second);
        assertEquals(2, view.form.selectedCount());
        view.form.primary.setValue(target);
        test(view.form.reason).setValue("网格调整");
        test(view.form.assign).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        test(confirm).confirm();

        assertEquals(target.customers() + 2, loadOf(view, target.managerId()).customers());
        assertEquals(0, view.customerGrid.getSelectedItems().size(), "the selection is cleared");
        assertTrue(view.form.reason.isEmpty());
    }

    @Test
    void a_missing_reason_is_shown_at_the_reason_field() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        AssignmentView view = open(AssignmentView.class);
        CustomerRow row = test(view.customerGrid).getRow(0);
        view.customerGrid.select(row);
        view.form.primary.setValue(view.workloadGrid.getListDataView().getItem(0));

        test(view.form.assign).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        asUser(confirm, () -> test(confirm).confirm());

        assertTrue(view.form.reason.isInvalid());
        assertEquals(row.managerId(), test(view.customerGrid).getRow(0).managerId(), "nothing was assigned");
    }
}
