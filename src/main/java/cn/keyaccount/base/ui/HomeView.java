package cn.keyaccount.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;

/** The landing page: forwards each user to the first menu entry their role may open (a customer: the portal). */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VaadinRequest request = VaadinRequest.getCurrent();
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        MenuConfiguration.getMenuEntries().stream()
                .filter(e -> e.menuClass() != null
                        && checker.hasAccess(e.menuClass(), request.getUserPrincipal(), request::isUserInRole))
                .map(MenuEntry::path)
                .findFirst()
                .ifPresent(event::forwardTo);
    }
}
