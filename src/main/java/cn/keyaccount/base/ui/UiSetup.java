package cn.keyaccount.base.ui;

import cn.keyaccount.base.Messages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wires every UI: view access from {@code @RolesAllowed}/{@code @PermitAll}/{@code @AnonymousAllowed}
 * (anonymous users go to the sign-in page), the language (Chinese unless the user chose English), and the
 * session-wide error handler ({@link Errors}) that shows what an event listener throws.
 */
class UiSetup {

    static final String LANGUAGE_COOKIE = "ka-lang";

    void onServiceInit(@Observes ServiceInitEvent event) {
        NavigationAccessControl accessControl = new NavigationAccessControl();
        accessControl.setLoginView("/login");
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(Errors.HANDLER));
        event.getSource().addUIInitListener(init -> {
            init.getUI().addBeforeEnterListener(accessControl);
            Locale locale = languageOf(VaadinRequest.getCurrent());
            init.getUI().setLocale(locale);
            VaadinSession.getCurrent().setLocale(locale);
        });
    }

    static Locale languageOf(VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        boolean english = cookies != null && Arrays.stream(cookies)
                .anyMatch(c -> LANGUAGE_COOKIE.equals(c.getName()) && "en".equals(c.getValue()));
        return english ? Messages.ENGLISH : Messages.CHINESE;
    }
}
