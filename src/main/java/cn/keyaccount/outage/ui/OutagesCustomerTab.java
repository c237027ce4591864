package cn.keyaccount.outage.ui;

import java.time.Clock;
import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.outage.CriticalPeriodService;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's "outages" tab. */
@ApplicationScoped
class OutagesCustomerTab implements CustomerTab {

    private final OutageQueries outages;
    private final CriticalPeriodService periods;

    private final Clock clock;

    OutagesCustomerTab(Clock clock, OutageQueries outages, CriticalPeriodService periods) {
        this.clock = clock;
        this.outages = outages;
        this.periods = periods;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleKey() {
        return "outage.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        return new CustomerOutagesTab(clock, outages, periods, viewer, customerId, editable);
    }
}
