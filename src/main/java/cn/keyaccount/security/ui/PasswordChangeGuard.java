package cn.keyaccount.security.ui;

import cn.keyaccount.security.UserService;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.Principal;

/**
 * A signed-in user who must change their password (set by an administrator) is sent to {@link ChangePasswordView}
 * from wherever they navigate, until they have chosen their own.
 */
@ApplicationScoped
class PasswordChangeGuard {

    private final UserService users;

    PasswordChangeGuard(UserService users) {
        this.users = users;
    }

    void onServiceInit(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal principal = request == null ? null : request.getUserPrincipal();
        Class<?> target = event.getNavigationTarget();
        if (principal == null || ChangePasswordView.class.isAssignableFrom(target)
                || LoginView.class.isAssignableFrom(target)) {
            return;
        }
        if (users.mustChangePassword(principal.getName())) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
