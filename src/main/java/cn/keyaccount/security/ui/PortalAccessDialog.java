package cn.keyaccount.security.ui;

import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * Links a key-customer user to an electricity account, picked by 户号 (or name). Lives in the UI layer on purpose:
 * the security services stay independent of customers; the customer feature owns who may see which account.
 */
class PortalAccessDialog extends Dialog {

    final ComboBox<CustomerRow> account = new ComboBox<>();

    PortalAccessDialog(CustomerService customers, CurrentViewer currentViewer, UserSummary user) {
        setId("portal-access-dialog");
        setHeaderTitle(getTranslation("user.link-account-title", user.displayName()));
        account.setId("portal-access-account");
        account.setLabel(getTranslation("user.account-no"));
        account.setWidth("28rem");
        account.setItemLabelGenerator(c -> c.accountNo() + " " + c.name());
        account.setItems(q -> customers.search(currentViewer.get(), CustomerSearch.text(q.getFilter().orElse("")),
                new CustomerSearch.Order(CustomerSearch.SortBy.ACCOUNT_NO, false), q.getOffset(), q.getLimit())
                .stream());
        add(account);
        Button link = new Button(getTranslation("user.link-account"), e -> {
            if (account.getValue() == null) {
                account.setErrorMessage(getTranslation("error.required"));
                account.setInvalid(true);
                return;
            }
            customers.grantPortalAccess(currentViewer.get(), account.getValue().id(), user.id());
            close();
            Notification.show(getTranslation("user.linked", user.username(), account.getValue().accountNo()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        link.setId("portal-access-link");
        link.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), link);
    }
}
