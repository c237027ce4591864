package cn.keyaccount.security.ui;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;

/** The signed-in user of the current Vaadin request, as a {@link Viewer} for the services. */
@ApplicationScoped
public class CurrentViewer {

    private static final String ATTRIBUTE = CurrentViewer.class.getName();

    private final UserService users;

    CurrentViewer(UserService users) {
        this.users = users;
    }

    public Viewer get() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal principal = request == null ? null : request.getUserPrincipal();
        if (principal == null) {
            throw new IllegalStateException("No signed-in user in this request");
        }
        VaadinSession session = VaadinSession.getCurrent();
        Object cached = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (cached instanceof Viewer v && v.username().equals(principal.getName())) {
            return v;
        }
        Viewer viewer = users.viewer(principal.getName());
        if (session != null) {
            session.setAttribute(ATTRIBUTE, viewer);
        }
        return viewer;
    }
}
