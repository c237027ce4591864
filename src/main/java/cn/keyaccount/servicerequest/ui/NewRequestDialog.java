package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.ServiceRequestService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Raises a request (a phone call the manager takes): for a customer picked here, or the one whose page it is. */
class NewRequestDialog extends Dialog {

    final RequestForm form;
    final Button save = new Button();

    NewRequestDialog(ServiceRequestService requests, CustomerService customers, Supplier<Viewer> viewer,
                     Long customerId, Consumer<RequestDetails> added) {
        setHeaderTitle(RequestUi.t("request.new"));
        setId("request-new-dialog");
        setWidth("40rem");
        form = new RequestForm(customerId);
        form.customer.setItems(query -> customers.search(viewer.get(),
                CustomerSearch.text(query.getFilter().orElse("")), CustomerSearch.Order.DEFAULT, query.getOffset(),
                query.getLimit()).stream());
        add(form);
        save.setText(RequestUi.t("common.save"));
        save.setId("request-new-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            RequestDetails created = requests.create(viewer.get(), form.draft());
            Notices.success(RequestUi.t("request.added", created.request().id()));
            close();
            added.accept(created);
        });
        getFooter().add(new Button(RequestUi.t("common.cancel"), e -> close()), save);
    }
}
