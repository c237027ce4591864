package cn.keyaccount.security.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;

/**
 * Every user changes their own password here (user menu → 修改密码), with the current one. A user whose password an
 * administrator set is sent here after signing in and cannot open anything else until they have chosen their own
 * ({@link PasswordChangeGuard}). Afterwards the user signs in again with the new password.
 */
@Route(ChangePasswordView.ROUTE)
@PageTitle("password.title")
@PermitAll
class ChangePasswordView extends VerticalLayout implements ShowsFieldErrors {

    static final String ROUTE = "change-password";

    private final UserService users;
    private final CurrentViewer currentViewer;

    final Paragraph mustChange = new Paragraph();
    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();
    final Paragraph done = new Paragraph();

    ChangePasswordView(UserService users, CurrentViewer currentViewer) {
        this.users = users;
        this.currentViewer = currentViewer;
        setMaxWidth("32rem");
        Viewer viewer = currentViewer.get();
        mustChange.setText(getTranslation("password.must-change"));
        mustChange.setId("password-must-change");
        mustChange.setVisible(users.mustChangePassword(viewer.username()));
        setUp(current, "current-password", "password.current", "current-password");
        setUp(next, "new-password", "password.new", "new-password");
        setUp(repeat, "repeat-password", "password.repeat", "new-password");
        next.setHelperText(getTranslation("password.rules"));
        save.setText(getTranslation("password.save"));
        save.setId("change-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> change());
        done.setId("password-changed");
        done.setVisible(false);
        add(mustChange, current, next, repeat, save, done);
    }

    private void setUp(PasswordField field, String id, String label, String autocomplete) {
        field.setId(id);
        field.setLabel(getTranslation(label));
        field.setWidthFull();
        field.getElement().setAttribute("autocomplete", autocomplete);
    }

    /** A refused change (wrong current password, a weak new one) is marked at its field by the session's handler. */
    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("current", current, "new", next));
    }

    private void change() {
        FieldErrors.mark(List.of(), Map.of("current", current, "new", next));
        repeat.setInvalid(false);
        if (!next.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("password.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        users.changeOwnPassword(currentViewer.get(), current.getValue(), next.getValue());
        removeAll();
        done.setText(getTranslation("password.changed"));
        done.setVisible(true);
        Anchor again = new Anchor("/logout", getTranslation("password.sign-in-again"));
        again.setRouterIgnore(true);
        again.setId("sign-in-again");
        add(done, again);
    }
}
