package cn.keyaccount.support.ui;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.mocks.MockRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.quarkus.QuarkusInstantiator;
import io.quarkus.arc.Arc;
import java.security.Principal;
import java.util.Set;

/**
 * Browserless Vaadin tests inside {@code @QuarkusTest}: views and services come from Quarkus's CDI container
 * (browserless-test-quarkus is not available here, so a small instantiator factory hands Vaadin Quarkus's own
 * instantiator), and {@link #signIn} puts a user on the mock request, which Vaadin's access control reads.
 */
public abstract class BrowserlessQuarkusTest extends BrowserlessTest {

    /** Registered with Vaadin's lookup in place of the default instantiator: views get CDI injection. */
    public static class QuarkusTestInstantiatorFactory implements InstantiatorFactory {
        @Override
        public Instantiator createInstantitor(VaadinService service) {
            return new QuarkusInstantiator(new DefaultInstantiator(service), Arc.container().beanManager());
        }
    }

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(QuarkusTestInstantiatorFactory.class);
    }

    /** Signs in as this user with this role (a {@code Role.*_NAME}) for the rest of the test. */
    protected void signIn(String username, String role) {
        MockRequest request = mockRequest();
        Principal principal = () -> username;
        request.setUserPrincipalInt(principal);
        request.setUserInRole((p, r) -> p != null && role.equals(r));
    }

    protected void signOut() {
        MockRequest request = mockRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((p, r) -> false);
    }

    /** Navigates to a view by its class and returns it, failing when access control sent us elsewhere. */
    protected <T extends Component> T open(Class<T> view) {
        return navigate(view);
    }

    /** Navigates to a location (e.g. "" for the landing page) and returns the view shown there. */
    protected Component openLocation(String location) {
        navigate(location, Component.class);
        return (Component) getCurrentView();
    }

    private static MockRequest mockRequest() {
        return (MockRequest) ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
    }
}
