package cn.keyaccount.support.ui;

import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.mocks.MockRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.quarkus.QuarkusInstantiator;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Browserless view tests inside {@code @QuarkusTest}: views get their CDI beans from Quarkus (there is no
 * browserless-test-quarkus artifact), and {@link #signIn} puts a user on the mock request so that secured views
 * open as they would for that user.
 */
public abstract class BrowserlessQuarkusTest extends BrowserlessTest {

    /** Hands Vaadin the Quarkus instantiator, so that views and their injected services come from CDI. */
    public static class QuarkusInstantiatorForTests implements InstantiatorFactory {
        @Override
        public Instantiator createInstantitor(VaadinService service) {
            return new QuarkusInstantiator(new DefaultInstantiator(service), CDI.current().getBeanManager());
        }
    }

    @Override
    protected Set<Class<?>> lookupServices() {
        Set<Class<?>> services = new HashSet<>(super.lookupServices());
        services.add(QuarkusInstantiatorForTests.class);
        return services;
    }

    /** Makes the current mock request, and Quarkus's security identity, this user in this role (a {@code Role} name). */
    protected void signIn(String username, String role) {
        MockRequest request = mockRequest();
        request.setUserPrincipalInt(() -> username);
        Set<String> held = Roles.held(Role.valueOf(role));
        request.setUserInRole((principal, asked) -> principal != null && held.contains(asked));
        // views with @RolesAllowed are CDI beans, so Quarkus checks its own identity when their methods run
        CDI.current().select(CurrentIdentityAssociation.class).get().setIdentity(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username)).addRoles(held).build());
    }

    /**
     * Opens a route by its path, e.g. {@code customers/42}, expecting a view of the given type, and completes the
     * round trip a browser would (components such as TabSheet attach their content only then).
     */
    protected <T extends Component> T open(String path, Class<T> view) {
        T opened = navigate(path, view);
        roundTrip();
        return opened;
    }

    /**
     * Does what a user does the way Vaadin runs it in a browser: what the listener throws goes to the session's error
     * handler with the component the event came from (the browserless testers call listeners directly, so an
     * exception would otherwise reach the test).
     */
    protected void asUser(Component source, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(e, source.getElement().getNode()));
        }
    }

    /** Clicks the button as a user does (see {@link #asUser}). */
    protected void click(Button button) {
        asUser(button, () -> test(button).click());
    }

    /** The texts of the notifications open now, oldest first. */
    protected List<String> notifications() {
        return $(Notification.class).all().stream().filter(Notification::isOpened)
                .map(n -> n.getElement().getProperty("text", "").isEmpty() ? n.getElement().getTextRecursively()
                        : n.getElement().getProperty("text", ""))
                .toList();
    }

    protected void signOut() {
        MockRequest request = mockRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((p, r) -> false);
        CDI.current().select(CurrentIdentityAssociation.class).get().setIdentity(
                io.quarkus.security.runtime.QuarkusSecurityIdentity.builder().setAnonymous(true).build());
    }

    /** Navigates to a view by its class and returns it, failing when access control sent us elsewhere. */
    protected <T extends Component> T open(Class<T> view) {
        T opened = navigate(view);
        roundTrip();
        return opened;
    }

    /** Navigates to a location (e.g. "" for the landing page) and returns the view shown there. */
    protected Component openLocation(String location) {
        navigate(location, Component.class);
        return (Component) getCurrentView();
    }

    private static MockRequest mockRequest() {
        ServletRequest current = VaadinServletRequest.getCurrent().getHttpServletRequest();
        while (!(current instanceof MockRequest) && current instanceof ServletRequestWrapper wrapper) {
            current = wrapper.getRequest();
        }
        return (MockRequest) current;
    }
}
