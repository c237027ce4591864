package cn.keyaccount.security.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in page. A plain HTML form posting to Quarkus form authentication ({@code j_security_check}), so it needs
 * no extra frontend bundle.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    @Tag("form")
    private static final class NativeForm extends HtmlContainer {
    }

    private final Paragraph message = new Paragraph();

    /** The demo hint (logins in the README) only where the demo was asked for, never on a real deployment. */
    LoginView(@ConfigProperty(name = "keyaccount.demo.enabled") boolean demo) {
        addClassName("login-view");
        NativeForm form = new NativeForm();
        form.getElement().setAttribute("method", "post").setAttribute("action", "/j_security_check");
        form.addClassName("login-card");
        message.addClassName("login-message");
        message.setVisible(false);
        form.add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.subtitle")), message,
                field("username", "j_username", "text", getTranslation("login.username"), "username"),
                field("password", "j_password", "password", getTranslation("login.password"), "current-password"));
        NativeButton submit = new NativeButton(getTranslation("login.submit"));
        submit.getElement().setAttribute("type", "submit");
        submit.setId("login-submit");
        form.add(submit);
        if (demo) {
            form.add(new Paragraph(getTranslation("login.hint")));
        }
        add(form);
    }

    private static Div field(String id, String name, String type, String label, String autocomplete) {
        Input input = new Input();
        input.setId(id);
        input.setType(type);
        input.getElement().setAttribute("name", name).setAttribute("required", true)
                .setAttribute("autocomplete", autocomplete);
        NativeLabel caption = new NativeLabel(label);
        caption.setFor(input);
        Div div = new Div(caption, input);
        div.addClassName("login-field");
        return div;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("error")) {
            show(getTranslation("login.error"), true);
        } else if (params.containsKey("logout")) {
            show(getTranslation("login.signed-out"), false);
        }
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.setVisible(true);
        message.getElement().getClassList().set("error", error);
    }

    /**
     * The sign-in page has no frame around it: it translates its own title (the others' @PageTitle keys are
     * translated by MainLayout; Vaadin refuses a @PageTitle beside HasDynamicTitle).
     */
    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
