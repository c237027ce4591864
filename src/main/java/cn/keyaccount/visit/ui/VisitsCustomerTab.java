package cn.keyaccount.visit.ui;

import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's "visits" tab. */
@ApplicationScoped
class VisitsCustomerTab implements CustomerTab {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "visit.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        return new CustomerVisitsTab(viewer, customerId);
    }
}
