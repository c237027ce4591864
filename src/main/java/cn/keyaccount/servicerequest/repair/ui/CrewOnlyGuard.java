package cn.keyaccount.servicerequest.repair.ui;

import cn.keyaccount.security.Role;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Keeps a crew sign-in (role REPAIR_CREW) on its own pages: wherever else it navigates — the workbench every user
 * may open, any other page — it lands on {@link CrewRepairsView}. Changing the password and signing in stay open.
 * The pages' own {@code @RolesAllowed} already refuse it; this makes the home page the crew's list, not an error.
 */
@ApplicationScoped
class CrewOnlyGuard {

    private static final Set<String> OPEN_PATHS = Set.of("login", "change-password");

    void onServiceInit(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getUserPrincipal() == null || !request.isUserInRole(Role.REPAIR_CREW_NAME)) {
            return;
        }
        Class<?> target = event.getNavigationTarget();
        if (target == CrewRepairsView.class || target == CrewRepairView.class
                || OPEN_PATHS.contains(event.getLocation().getPath())) {
            return;
        }
        event.forwardTo(CrewRepairsView.class);
    }
}
