package cn.keyaccount.security.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.button.Button;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UsersViewTest extends BrowserlessQuarkusTest {

    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    OrgService org;
    @Inject
    CurrentViewer currentViewer;

    @Test
    void an_administrator_creates_a_customer_user_and_links_an_account_to_it() {
        signIn("admin", Role.ADMIN_NAME);
        UsersView view = open(UsersView.class);
        String username = "portal.t" + (System.nanoTime() % 1_000_000);

        test($(Button.class).id("users-create")).click();
        UserForm form = $(UserForm.class).single();
        test(form.username).setValue(username);
        test(form.displayName).setValue("测试客户");
        form.role.setValue(Role.CUSTOMER);
        form.unit.setValue(org.all().get(0));
        test(form.password).setValue("Portal@2026");
        test($(Button.class).id("user-save")).click();

        test(view.search).setValue(username);
        assertEquals(1, test(view.grid).size());
        UserSummary created = test(view.grid).getRow(0);
        assertEquals(Role.CUSTOMER, created.role());

        PortalAccessDialog dialog = new PortalAccessDialog(customers, currentViewer, created);
        dialog.open();
        CustomerRow account = customers.search(users.viewer("admin"), cn.keyaccount.customer.CustomerSearch.all(),
                cn.keyaccount.customer.CustomerSearch.Order.DEFAULT, 0, 1).get(0);
        dialog.account.setValue(account);
        test($(Button.class).id("portal-access-link")).click();

        List<CustomerDetails> own = customers.ownAccounts(users.viewer(username));
        assertEquals(List.of(account.accountNo()), own.stream().map(CustomerDetails::accountNo).toList());
    }

    @Test
    void a_taken_username_is_marked_at_the_field_and_the_dialog_stays_open() {
        signIn("admin", Role.ADMIN_NAME);
        open(UsersView.class);

        test($(Button.class).id("users-create")).click();
        UserForm form = $(UserForm.class).single();
        test(form.username).setValue("manager");
        test(form.displayName).setValue("重名");
        form.role.setValue(Role.ACCOUNT_MANAGER);
        form.unit.setValue(org.all().get(0));
        test(form.password).setValue("Manager@2026");
        click($(Button.class).id("user-save"));

        assertTrue(form.username.isInvalid());
        assertFalse(form.displayName.isInvalid());
        assertTrue(form.isAttached(), "the dialog stays open");
    }
}
