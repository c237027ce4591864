package cn.keyaccount.security.ui;

import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * User administration: find users by name and role, create them, enable or disable them, reset passwords, and link a
 * key-customer user to their electricity account(s).
 */
@Route("users")
@PageTitle("user.menu")
@Menu(title = "user.menu", order = 85, icon = "vaadin:user-card")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout {

    private final UserService users;
    private final OrgService org;
    private final CustomerService customers;
    private final CurrentViewer currentViewer;

    final TextField search = new TextField();
    final ComboBox<Role> roleFilter = new ComboBox<>();
    final Grid<UserSummary> grid = new Grid<>();

    UsersView(UserService users, OrgService org, CustomerService customers, CurrentViewer currentViewer) {
        this.users = users;
        this.org = org;
        this.customers = customers;
        this.currentViewer = currentViewer;
        setSizeFull();
        search.setPlaceholder(getTranslation("user.search"));
        search.setId("users-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        roleFilter.setPlaceholder(getTranslation("user.role"));
        roleFilter.setId("users-role");
        roleFilter.setItems(Role.values());
        roleFilter.setItemLabelGenerator(r -> getTranslation("role." + r));
        roleFilter.setClearButtonVisible(true);
        roleFilter.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("user.create"), e -> openCreate());
        create.setId("users-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        configureGrid();
        add(new HorizontalLayout(search, roleFilter, create), grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("users-grid");
        grid.addColumn(UserSummary::username).setHeader(getTranslation("user.username")).setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("user.display-name")).setFlexGrow(2);
        grid.addColumn(u -> getTranslation("role." + u.role())).setHeader(getTranslation("user.role"))
                .setAutoWidth(true);
        grid.addColumn(UserSummary::unitName).setHeader(getTranslation("user.unit")).setAutoWidth(true);
        grid.addColumn(UserSummary::mobile).setHeader(getTranslation("user.mobile")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.enabled() ? "user.enabled" : "user.disabled"))
                .setHeader(getTranslation("user.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("user.actions")).setAutoWidth(true);
        grid.setItems(q -> users.list(currentViewer.get(), roleFilter.getValue(), search.getValue(), q.getPage(),
                q.getPageSize()).stream(), q -> (int) users.count(currentViewer.get(), roleFilter.getValue(),
                search.getValue()));
        grid.setEmptyStateText(getTranslation("user.none"));
    }

    private HorizontalLayout actions(UserSummary u) {
        Button toggle = new Button(getTranslation(u.enabled() ? "user.disable" : "user.enable"),
                e -> confirmToggle(u));
        Button reset = new Button(getTranslation("user.reset-password"), e -> openReset(u));
        HorizontalLayout actions = new HorizontalLayout(toggle, reset);
        if (u.role() == Role.CUSTOMER) {
            actions.add(new Button(getTranslation("user.link-account"),
                    e -> new PortalAccessDialog(customers, currentViewer, u).open()));
        }
        actions.getChildren().forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_SMALL,
                ButtonVariant.LUMO_TERTIARY));
        return actions;
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void openCreate() {
        UserForm form = new UserForm(org.all());
        Dialog dialog = new Dialog(form);
        dialog.setId("user-dialog");
        dialog.setHeaderTitle(getTranslation("user.create"));
        Button save = new Button(getTranslation("common.save"), e -> form.save());
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        form.addSaveListener(e -> {
            UserSummary created = users.create(currentViewer.get(), e.user);
            dialog.close();
            refresh();
            success(getTranslation("user.created", created.username()));
        });
        dialog.open();
    }

    private void confirmToggle(UserSummary u) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("user-toggle-confirm");
        confirm.setHeader(getTranslation(u.enabled() ? "user.disable" : "user.enable"));
        confirm.setText(getTranslation(u.enabled() ? "user.confirm-disable" : "user.confirm-enable",
                u.displayName(), u.username()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("common.confirm"));
        confirm.addConfirmListener(e -> {
            users.setEnabled(currentViewer.get(), u.id(), !u.enabled());
            refresh();
        });
        confirm.open();
    }

    private void openReset(UserSummary u) {
        PasswordField password = new PasswordField(getTranslation("user.new-password"));
        password.setId("user-new-password");
        Dialog dialog = new Dialog(password);
        dialog.setHeaderTitle(getTranslation("user.reset-password-title", u.displayName()));
        Errors.showFieldErrorsWith(dialog, errors -> FieldErrors.mark(errors, Map.of("password", password)));
        Button save = new Button(getTranslation("user.reset-password"), e -> {
            users.resetPassword(currentViewer.get(), u.id(), password.getValue());
            dialog.close();
            success(getTranslation("user.password-reset", u.username()));
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void success(String text) {
        Notification.show(text).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
