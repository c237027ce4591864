package cn.keyaccount.audit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditEntry;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.grid.GridTester;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogViewTest extends BrowserlessQuarkusTest {

    @Inject
    UserService users;

    @Test
    void an_administrator_finds_their_own_sign_in_in_the_audit_log() {
        assertEquals(UserService.SignInResult.OK, users.signIn(Login.ADMIN.username, Login.ADMIN.password).result());
        signIn("admin", Role.ADMIN_NAME);
        AuditLogView view = open(AuditLogView.class);
        assertTrue(test(view.grid).size() > 0, "the unfiltered log is not empty");

        view.action.setValue("LOGIN");
        test(view.actor).setValue("admin");

        GridTester<?, AuditEntry> grid = test(view.grid);
        assertTrue(grid.size() >= 1);
        AuditEntry entry = grid.getRow(0);
        assertEquals("LOGIN", entry.action());
        assertEquals("admin", entry.actor());
    }

    @Test
    void a_station_supervisor_does_not_see_events_outside_their_station() {
        users.signIn(Login.ADMIN.username, Login.ADMIN.password);
        signIn("supervisor.cg", Role.SUPERVISOR_NAME);
        AuditLogView view = open(AuditLogView.class);

        test(view.actor).setValue("admin");
        view.action.setValue("LOGIN");

        assertEquals(0, test(view.grid).size());
    }
}
