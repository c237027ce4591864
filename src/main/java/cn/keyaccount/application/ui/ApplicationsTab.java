package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationRow;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's tab of its applications (open ones and overdue first), with "new application" for writers. */
@ApplicationScoped
class ApplicationsTab implements CustomerTab {

    private final ApplicationService applications;

    ApplicationsTab(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String titleKey() {
        return "application.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        if (editable) {
            Button create = new Button(layout.getTranslation("application.new"), VaadinIcon.PLUS.create(),
                    e -> UI.getCurrent().navigate("applications/new",
                            QueryParameters.of("customer", Long.toString(customerId))));
            create.setId("customer-application-new");
            layout.add(create);
        }
        Grid<ApplicationRow> grid = new Grid<>();
        grid.setId("customer-applications");
        grid.addColumn(ApplicationRow::number).setHeader(layout.getTranslation("application.number"))
                .setAutoWidth(true);
        grid.addColumn(r -> layout.getTranslation("application.kind." + r.kind()))
                .setHeader(layout.getTranslation("application.kind")).setAutoWidth(true);
        grid.addColumn(r -> r.currentStep() == null ? layout.getTranslation("application.status." + r.status())
                        : layout.getTranslation("application.step." + r.currentStep())
                        + (r.overdue() ? " · " + layout.getTranslation("application.overdue") : ""))
                .setHeader(layout.getTranslation("application.current-step")).setAutoWidth(true);
        grid.addColumn(r -> layout.getTranslation("application.used-days", r.usedDays(), r.limitDays()))
                .setHeader(layout.getTranslation("application.used")).setAutoWidth(true);
        grid.addColumn(r -> r.acceptedOn().toString()).setHeader(layout.getTranslation("application.accepted-on"))
                .setAutoWidth(true);
        ApplicationService.ApplicationFilter filter = new ApplicationService.ApplicationFilter(null, null,
                customerId, null, false, false);
        grid.setItems(q -> applications.list(viewer, filter, q.getOffset(), q.getLimit()).stream(),
                q -> (int) applications.count(viewer, filter));
        grid.setPartNameGenerator(r -> r.overdue() ? "application-overdue" : null);
        grid.setEmptyStateText(layout.getTranslation("application.none"));
        if (!viewer.isCustomer()) {
            grid.addItemClickListener(e -> UI.getCurrent().navigate("applications/" + e.getItem().id()));
        }
        layout.add(grid);
        return layout;
    }
}
