package cn.keyaccount.report.ui;

import java.time.Clock;
import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's "energy reports" tab: issue a report (with progress) and see every issue and its downloads. */
@ApplicationScoped
class ReportsCustomerTab implements CustomerTab {

    private final ReportService reports;

    private final Clock clock;

    ReportsCustomerTab(Clock clock, ReportService reports) {
        this.clock = clock;
        this.reports = reports;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String titleKey() {
        return "report.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        return new ReportsPanel(clock, reports, viewer, customerId, editable);
    }
}
