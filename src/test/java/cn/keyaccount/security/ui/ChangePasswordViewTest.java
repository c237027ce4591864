package cn.keyaccount.security.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.security.NewUser;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserService.SignInResult;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.Api;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangePasswordViewTest extends BrowserlessQuarkusTest {

    private static final String FIRST = "Initial#Pass-2026";

    @Inject
    UserService users;

    private String newSupervisor(boolean reset) {
        Viewer admin = users.viewer("admin");
        String name = Api.unique("view.");
        long id = users.create(admin, new NewUser(name, FIRST, "改密视图测试", Role.SUPERVISOR, admin.unitId(), null, null))
                .id();
        if (reset) {
            users.resetPassword(admin, id, FIRST);
        }
        return name;
    }

    @Test
    void a_user_who_must_change_the_password_is_sent_to_the_change_view_from_everywhere_until_done() {
        String name = newSupervisor(true);
        signIn(name, Role.SUPERVISOR_NAME);

        Component shown = openLocation("customers");
        ChangePasswordView view = assertInstanceOf(ChangePasswordView.class, shown, "sent to the password change");
        assertTrue(view.mustChange.isVisible(), "told why");
        assertInstanceOf(ChangePasswordView.class, openLocation("users"));
        assertInstanceOf(ChangePasswordView.class, openLocation(""));

        view = (ChangePasswordView) openLocation("change-password");
        test(view.current).setValue(FIRST);
        test(view.next).setValue("Selbst-gewaehlt#2026");
        test(view.repeat).setValue("Selbst-gewaehlt#2026");
        test(view.save).click();

        assertTrue(view.done.isVisible(), "asked to sign in again");
        assertEquals("/logout", $(Anchor.class).id("sign-in-again").getHref());
        assertFalse(users.mustChangePassword(name));
        assertEquals(SignInResult.OK, users.signIn(name, "Selbst-gewaehlt#2026").result());
        assertFalse(openLocation("customers") instanceof ChangePasswordView, "free to work again");
    }

    @Test
    void any_user_reaches_the_change_from_the_header_and_a_wrong_current_password_or_a_weak_one_is_marked() {
        String name = newSupervisor(false);
        signIn(name, Role.SUPERVISOR_NAME);
        assertFalse(openLocation("customers") instanceof ChangePasswordView, "a user not flagged works normally");
        assertEquals("change-password", $(Anchor.class).id("change-password").getHref());

        ChangePasswordView view = (ChangePasswordView) openLocation("change-password");
        assertFalse(view.mustChange.isVisible());
        test(view.current).setValue("Wrong#Password-1");
        test(view.next).setValue(name + "-2026");
        test(view.repeat).setValue(name + "-2026");
        click(view.save);
        assertTrue(view.current.isInvalid());
        assertTrue(view.next.isInvalid());
        assertEquals("密码不能包含用户名。", view.next.getErrorMessage());

        test(view.current).setValue(FIRST);
        test(view.next).setValue("Zweites#Passwort-9");
        test(view.repeat).setValue("Zweites#Passwort-8");
        test(view.save).click();
        assertTrue(view.repeat.isInvalid(), "the repetition differs");
        assertEquals(SignInResult.OK, users.signIn(name, FIRST).result(), "nothing changed");
    }
}
