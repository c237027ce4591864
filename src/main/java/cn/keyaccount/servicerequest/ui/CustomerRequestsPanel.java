package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestFilter;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** One customer's requests, newest first and paged in SQL, with 新建工单 for whoever may change the customer. */
class CustomerRequestsPanel extends VerticalLayout {

    final Grid<RequestRow> grid = new Grid<>();
    final Button add = new Button();
    NewRequestDialog dialog;

    CustomerRequestsPanel(ServiceRequestQueries queries, ServiceRequestService requests, CustomerService customers,
                          Viewer viewer, long customerId, boolean editable) {
        setPadding(false);
        setId("customer-requests");
        RequestFilter filter = RequestFilter.ofCustomer(customerId);
        add.setText(getTranslation("request.new"));
        add.setId("customer-request-add");
        add.setVisible(editable);
        add.addClickListener(e -> {
            dialog = new NewRequestDialog(requests, customers, () -> viewer, customerId,
                    created -> grid.getDataProvider().refreshAll());
            dialog.open();
        });
        grid.addColumn(r -> RequestUi.time(r.openedAt())).setHeader(getTranslation("request.opened-at"))
                .setAutoWidth(true);
        grid.addColumn(RequestUi::type).setHeader(getTranslation("request.type")).setAutoWidth(true);
        grid.addColumn(RequestRow::subject).setHeader(getTranslation("request.subject")).setFlexGrow(3);
        grid.addColumn(RequestUi::status).setHeader(getTranslation("request.status")).setAutoWidth(true);
        grid.addColumn(RequestUi::owner).setHeader(getTranslation("request.owner")).setAutoWidth(true);
        grid.addColumn(RequestUi::due).setHeader(getTranslation("request.due")).setAutoWidth(true);
        grid.setItems(q -> queries.list(viewer, filter, q.getOffset(), q.getLimit()).stream(),
                q -> (int) queries.count(viewer, filter));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("service-requests/" + e.getItem().id())));
        grid.setEmptyStateText(getTranslation("request.none"));
        grid.setAllRowsVisible(true);
        add(add, grid);
    }
}
