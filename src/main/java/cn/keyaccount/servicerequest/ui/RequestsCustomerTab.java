package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's 服务工单 tab. */
@ApplicationScoped
class RequestsCustomerTab implements CustomerTab {

    private final ServiceRequestQueries queries;
    private final ServiceRequestService requests;
    private final CustomerService customers;

    RequestsCustomerTab(ServiceRequestQueries queries, ServiceRequestService requests, CustomerService customers) {
        this.queries = queries;
        this.requests = requests;
        this.customers = customers;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String titleKey() {
        return "request.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        return new CustomerRequestsPanel(queries, requests, customers, viewer, customerId, editable);
    }
}
