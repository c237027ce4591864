package cn.keyaccount.visit.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitQuery;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The visits of one customer, for the customer page's "visits" tab. It finds its service itself, so that the
 * customer page only adds the tab (one line) and needs no knowledge of visits.
 */
class CustomerVisitsTab extends VerticalLayout {

    final Grid<VisitRow> grid = new Grid<>();

    public CustomerVisitsTab(Viewer viewer, long customerId) {
        VisitService visits = CDI.current().select(VisitService.class).get();
        VisitQuery query = new VisitQuery(null, null, null, null, customerId, null);
        grid.setId("customer-visits");
        grid.addColumn(VisitUi::when).setHeader(getTranslation("visit.date")).setAutoWidth(true);
        grid.addColumn(VisitUi::type).setHeader(getTranslation("visit.type")).setAutoWidth(true);
        grid.addColumn(VisitUi::status).setHeader(getTranslation("visit.status")).setAutoWidth(true);
        grid.addColumn(VisitRow::managerName).setHeader(getTranslation("visit.manager")).setAutoWidth(true);
        grid.addColumn(VisitRow::satisfaction).setHeader(getTranslation("visit.record.satisfaction"))
                .setAutoWidth(true);
        grid.addColumn(VisitRow::openTasks).setHeader(getTranslation("visit.open-tasks")).setAutoWidth(true);
        grid.setPartNameGenerator(v -> v.overdue() ? "visit-overdue" : null);
        grid.setEmptyStateText(getTranslation("visit.none"));
        grid.setItems(q -> visits.list(viewer, query, q.getOffset(), q.getLimit()).stream(),
                q -> (int) visits.count(viewer, query));
        grid.addItemClickListener(e -> new VisitDialog(visits, () -> viewer, e.getItem().id(),
                () -> grid.getDataProvider().refreshAll()).open());
        setSizeFull();
        add(grid);
    }
}
