package cn.keyaccount.security.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.NewUser;
import cn.keyaccount.security.Role;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/** A new user: sign-in name, display name, role, unit, contact data and the initial password. */
class UserForm extends FormLayout implements ShowsFieldErrors {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final Select<Role> role = new Select<>();
    final ComboBox<UnitDetails> unit = new ComboBox<>();
    final TextField mobile = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();

    UserForm(List<UnitDetails> units) {
        username.setLabel(getTranslation("user.username"));
        username.setId("user-username");
        displayName.setLabel(getTranslation("user.display-name"));
        displayName.setId("user-display-name");
        role.setLabel(getTranslation("user.role"));
        role.setId("user-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r));
        unit.setLabel(getTranslation("user.unit"));
        unit.setId("user-unit");
        unit.setItems(units);
        unit.setItemLabelGenerator(u -> "  ".repeat(Math.max(u.depth(), 0)) + u.displayName(getLocale()));
        mobile.setLabel(getTranslation("user.mobile"));
        email.setLabel(getTranslation("user.email"));
        password.setLabel(getTranslation("user.initial-password"));
        password.setId("user-password");
        for (var required : List.of(username, displayName, password)) {
            required.setRequiredIndicatorVisible(true);
        }
        role.setRequiredIndicatorVisible(true);
        unit.setRequiredIndicatorVisible(true);
        add(username, displayName, role, unit, mobile, email, password);
    }

    /** Marks the fields a service refused; returns the errors that name no field here. */
    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("username", username, "displayName", displayName, "role", role,
                "unitId", unit, "mobile", mobile, "email", email, "password", password));
    }

    void save() {
        fireEvent(new SaveEvent(this));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<UserForm> {
        final NewUser user;

        SaveEvent(UserForm form) {
            super(form, false);
            user = new NewUser(form.username.getValue().trim(), form.password.getValue(),
                    form.displayName.getValue(), form.role.getValue(),
                    form.unit.getValue() == null ? null : form.unit.getValue().id(), form.mobile.getValue().trim(),
                    form.email.getValue());
        }
    }
}
