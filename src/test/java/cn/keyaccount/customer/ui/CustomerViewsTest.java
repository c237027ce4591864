package cn.keyaccount.customer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextField;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerViewsTest extends BrowserlessQuarkusTest {

    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    private Viewer manager() {
        signIn("manager", Role.MANAGER_NAME);
        return users.viewer("manager");
    }

    @Test
    void a_manager_sees_exactly_their_own_customers_in_the_list() {
        Viewer manager = manager();
        CustomerListView view = navigate(CustomerListView.class);

        long own = customers.count(manager, CustomerSearch.all());
        assertTrue(own > 0, "the demo manager looks after some customers");
        assertTrue(own < customers.count(Viewer.system(), CustomerSearch.all()));
        assertEquals(own, test(view.grid).size());
        assertEquals(Messages.get(Messages.CHINESE, "common.total", own), view.total.getText());
    }

    @Test
    void on_a_phone_the_customer_list_shows_one_card_per_customer_and_folds_its_filters() {
        manager();
        CustomerListView view = navigate(CustomerListView.class);
        long shownWide = view.grid.getColumns().stream().filter(c -> c.isVisible()).count();
        assertTrue(shownWide > 5, "desktop: the columns");
        assertTrue(view.narrow.filtersShown() && view.tier.isVisible(), "desktop: filters shown");

        view.narrow.apply(390);
        var visible = view.grid.getColumns().stream().filter(c -> c.isVisible()).toList();
        assertEquals(1, visible.size(), "one card column");
        assertEquals("narrow-card", visible.getFirst().getKey());
        assertFalse(view.narrow.filtersShown(), "filters folded");
        test($(com.vaadin.flow.component.button.Button.class).withClassName("narrow-filters-toggle").first()).click();
        assertTrue(view.narrow.filtersShown(), "the toggle opens them");
        CustomerRow first = test(view.grid).getRow(0);
        String card = test(view.grid).getCellComponent(0, 0) // the tester counts the visible columns only
                .getElement().getTextRecursively();
        assertTrue(card.contains(first.name()) && card.contains(first.accountNo()), card);

        view.narrow.apply(1366);
        assertEquals(shownWide, view.grid.getColumns().stream().filter(c -> c.isVisible()).count(), "columns back");
        assertTrue(view.narrow.filtersShown());
    }

    @Test
    void searching_by_account_number_narrows_the_list_to_that_customer() {
        Viewer manager = manager();
        CustomerRow first = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1)
                .getFirst();
        CustomerListView view = navigate(CustomerListView.class);

        view.searchField.setValue(first.accountNo());

        assertEquals(1, test(view.grid).size());
        assertEquals(first.name(), test(view.grid).getRow(0).name());
    }

    @Test
    void a_manager_adds_a_contact_in_a_dialog_sees_a_wrong_mobile_marked_and_deletes_it_after_confirming() {
        Viewer manager = manager();
        long id = customers.search(manager, CustomerSearch.all(), null, 0, 1).getFirst().id();
        CustomerDetailView detail = open("customers/" + id, CustomerDetailView.class);
        detail.showTab("customer.tab.contacts");
        ContactsTab tab = $(ContactsTab.class).from(detail).single();
        int before = test(tab.grid).size();

        test($(Button.class).id("contact-add")).click();
        ContactForm form = $(ContactForm.class).single();
        ((TextField) form.fieldFor("name")).setValue("视图测试联系人");
        ((TextField) form.fieldFor("role")).setValue("电气负责人");
        ((com.vaadin.flow.component.textfield.EmailField) form.fieldFor("email")).setValue("view-test@example.com");
        ((TextField) form.fieldFor("mobile")).setValue("1234");
        click($(Button.class).from(form).id("form-save"));
        assertTrue(((TextField) form.fieldFor("mobile")).isInvalid(), "the wrong mobile is marked at its field");
        assertEquals(before, test(tab.grid).size(), "nothing saved");

        ((TextField) form.fieldFor("mobile")).setValue("13800138000");
        test($(Button.class).from(form).id("form-save")).click();
        assertEquals(before + 1, test(tab.grid).size());
        int row = java.util.stream.IntStream.range(0, before + 1)
                .filter(r -> test(tab.grid).getRow(r).name().equals("视图测试联系人")).findFirst().orElseThrow();

        Button delete = (Button) test(tab.grid).getCellComponent(row, tab.grid.getColumns().size() - 1)
                .getChildren().toList().get(1);
        test(delete).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertEquals(before, test(tab.grid).size());
    }

    @Test
    void clicking_a_customer_opens_its_detail_with_every_tab() {
        manager();
        CustomerListView list = navigate(CustomerListView.class);
        String name = test(list.grid).getRow(0).name();

        test(list.grid).clickRow(0);

        CustomerDetailView detail = (CustomerDetailView) getCurrentView();
        List<String> titles = $(Tab.class).from(detail).all().stream().map(Tab::getLabel).toList();
        assertEquals(List.of("基本信息", "动态", "联系人", "变压器", "供电线路", "服务对应历史", "操作记录"), titles.subList(0, 7),
                "the customer's own tabs first");
        assertTrue(titles.containsAll(List.of("走访", "能效分析", "通知记录")),
                "the tabs other features contribute (visits, energy, notices): " + titles);
        assertEquals(name, detail.form.fieldFor("name").getValue());
    }

    @Test
    void saving_an_invalid_credit_code_marks_that_field_with_the_translated_message() {
        Viewer manager = manager();
        long id = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).getFirst().id();
        CustomerDetailView detail = open("customers/" + id, CustomerDetailView.class);
        TextField creditCode = (TextField) detail.form.fieldFor("creditCode");

        // the check character of 12345678901234567 is 8, so this code fails GB 32100
        test(creditCode).setValue("123456789012345670");
        click($(Button.class).id("form-save"));

        assertTrue(creditCode.isInvalid());
        assertEquals(Messages.get(Messages.CHINESE, "error.credit-code"), creditCode.getErrorMessage());
        assertFalse(customers.get(manager, id).creditCode().equals("123456789012345670"), "nothing was saved");
    }

    @Test
    void a_customer_out_of_the_managers_reach_shows_not_found() {
        Viewer manager = manager();
        long foreign = customers.search(Viewer.system(), CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 400)
                .stream().filter(r -> customers.count(manager, CustomerSearch.text(r.accountNo())) == 0)
                .findFirst().orElseThrow().id();

        open("customers/" + foreign, CustomerDetailView.class);

        assertTrue($(Paragraph.class).id("customer-not-found").getText().contains(Long.toString(foreign)));
    }

    @Test
    void a_customer_changed_by_someone_else_meanwhile_is_refused_with_a_way_to_reload_the_latest_version() {
        Viewer manager = manager();
        long id = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 1, 1).getFirst().id();
        CustomerDetailView detail = open("customers/" + id, CustomerDetailView.class);
        var meanwhile = customers.get(manager, id).toDraft();
        String address = "并发修改测试路 " + (System.nanoTime() % 1000);
        meanwhile.setAddress(address);
        customers.update(manager, id, meanwhile);

        ((TextField) detail.form.fieldFor("address")).setValue("我的修改");
        click($(Button.class).id("form-save"));

        assertTrue(notifications().getLast().startsWith(Messages.get(Messages.CHINESE, "error.stale")),
                "the translated conflict: " + notifications());
        assertEquals(address, QuarkusTransaction.requiringNew().call(() -> customers.get(manager, id).address()),
                "the other change stands");
        CustomerForm stale = detail.form;
        test($(Button.class).id("reload-after-conflict")).click();
        assertNotSame(stale, detail.form, "the page read the customer again");
        assertEquals(List.of(), notifications(), "the note closes when the user reloads");
    }
}
