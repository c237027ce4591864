package cn.keyaccount.visit.ui;

import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.visit.ComplianceRow;
import cn.keyaccount.visit.TaskRow;
import cn.keyaccount.visit.VisitCompliance;
import cn.keyaccount.visit.VisitDates;
import cn.keyaccount.visit.VisitExcel;
import cn.keyaccount.visit.VisitQuery;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 走访考核: visit compliance for a period per manager, unit or month (planned, on time, late, missed, open and
 * overdue tasks, with a total); a row drills down to its visits. Overdue follow-up tasks below; the visit records
 * of the period as Excel.
 */
@Route("visits/dashboard")
@PageTitle("visit.menu.dashboard")
@Menu(title = "visit.menu.dashboard", order = 31, icon = "vaadin:chart-grid")
@RolesAllowed(Roles.DISPATCH_STAFF)
class VisitDashboardView extends VerticalLayout implements BeforeEnterObserver {

    private final VisitCompliance compliance;
    private final VisitService visits;
    private final CurrentViewer currentViewer;
    private final Viewer viewer;

    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Select<VisitCompliance.GroupBy> groupBy = new Select<>();
    final Grid<ComplianceRow> table = new Grid<>();
    final Grid<VisitRow> drill = new Grid<>();
    final H3 drillTitle = new H3();
    final Grid<TaskRow> overdueTasks = new Grid<>();

    VisitDashboardView(VisitCompliance compliance, VisitService visits, VisitExcel excel,
                       CurrentViewer currentViewer) {
        this.compliance = compliance;
        this.visits = visits;
        this.currentViewer = currentViewer;
        this.viewer = currentViewer.get();
        LocalDate today = visits.today();
        from.setLabel(getTranslation("visit.from"));
        from.setValue(today.withDayOfMonth(1).minusMonths(2));
        to.setLabel(getTranslation("visit.to"));
        to.setValue(today.withDayOfMonth(today.lengthOfMonth()));
        groupBy.setLabel(getTranslation("visit.group-by"));
        groupBy.setItems(VisitCompliance.GroupBy.values());
        groupBy.setItemLabelGenerator(g -> getTranslation("visit.group." + g));
        groupBy.setValue(VisitCompliance.GroupBy.MANAGER);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        groupBy.addValueChangeListener(e -> refresh());
        DownloadHandler download = event -> {
            event.setFileName("visits-" + from.getValue() + "-" + to.getValue() + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            excel.export(viewer, from.getValue(), to.getValue(), event.getOutputStream());
        };
        Anchor export = new Anchor(download, "");
        export.add(new Button(getTranslation("common.export"), VaadinIcon.DOWNLOAD.create()));
        export.setId("visit-export");
        HorizontalLayout bar = new HorizontalLayout(from, to, groupBy, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureTable();
        configureDrill();
        configureTasks();
        add(bar, table, drillTitle, drill, new H3(getTranslation("visit.overdue-tasks")), overdueTasks);
        refresh();
    }

    private void configureTable() {
        table.setId("visit-compliance");
        table.addColumn(ComplianceRow::label).setHeader(getTranslation("visit.group")).setFlexGrow(2);
        table.addColumn(ComplianceRow::planned).setHeader(getTranslation("visit.kpi.planned")).setAutoWidth(true);
        table.addColumn(ComplianceRow::onTime).setHeader(getTranslation("visit.kpi.on-time")).setAutoWidth(true);
        table.addColumn(ComplianceRow::late).setHeader(getTranslation("visit.kpi.late")).setAutoWidth(true);
        // only the figures that need action are marked, not whole rows (nearly every manager has one missed visit)
        table.addColumn(ComplianceRow::missed).setHeader(getTranslation("visit.kpi.missed")).setAutoWidth(true)
                .setPartNameGenerator(r -> r.missed() > 0 ? "visit-overdue" : null);
        table.addColumn(ComplianceRow::upcoming).setHeader(getTranslation("visit.kpi.upcoming")).setAutoWidth(true);
        table.addColumn(r -> r.rate() == null ? "–" : r.rate() + " %").setHeader(getTranslation("visit.kpi.rate"))
                .setAutoWidth(true);
        table.addColumn(ComplianceRow::openTasks).setHeader(getTranslation("visit.kpi.open-tasks")).setAutoWidth(true);
        table.addColumn(ComplianceRow::overdueTasks).setHeader(getTranslation("visit.kpi.overdue-tasks"))
                .setAutoWidth(true).setPartNameGenerator(r -> r.overdueTasks() > 0 ? "visit-overdue" : null);
        table.setAllRowsVisible(true);
        table.setEmptyStateText(getTranslation("visit.none"));
        table.addItemClickListener(e -> drillDown(e.getItem()));
    }

    private void configureDrill() {
        drill.setId("visit-drill");
        drill.addColumn(VisitUi::when).setHeader(getTranslation("visit.date")).setAutoWidth(true);
        drill.addColumn(VisitRow::customerName).setHeader(getTranslation("visit.customer")).setFlexGrow(2);
        drill.addColumn(VisitRow::managerName).setHeader(getTranslation("visit.manager")).setAutoWidth(true);
        drill.addColumn(VisitUi::status).setHeader(getTranslation("visit.status")).setAutoWidth(true);
        drill.addColumn(VisitRow::doneDate).setHeader(getTranslation("visit.record.done-date")).setAutoWidth(true);
        drill.setPartNameGenerator(v -> v.overdue() ? "visit-overdue" : null);
        drill.addItemClickListener(e -> new VisitDialog(visits, currentViewer::get, e.getItem().id(), this::refresh)
                .open());
        drill.setHeight("20rem");
        drill.setVisible(false);
    }

    private void configureTasks() {
        overdueTasks.setId("visit-overdue-tasks");
        overdueTasks.addColumn(TaskRow::dueDate).setHeader(getTranslation("visit.task.due")).setAutoWidth(true);
        overdueTasks.addColumn(TaskRow::customerName).setHeader(getTranslation("visit.customer")).setFlexGrow(2);
        overdueTasks.addColumn(TaskRow::description).setHeader(getTranslation("visit.task.description"))
                .setFlexGrow(2);
        overdueTasks.addColumn(TaskRow::owner).setHeader(getTranslation("visit.task.owner")).setAutoWidth(true);
        overdueTasks.addColumn(TaskRow::managerName).setHeader(getTranslation("visit.manager")).setAutoWidth(true);
        overdueTasks.setPartNameGenerator(t -> t.overdue() ? "visit-overdue" : null);
        overdueTasks.setEmptyStateText(getTranslation("visit.no-overdue-tasks"));
        overdueTasks.setHeight("16rem");
    }

    /** A link from the workbench: {@code ?from=yyyy-MM-dd&to=yyyy-MM-dd} sets the period (anything else is ignored). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        query.getSingleParameter("from").flatMap(VisitDashboardView::date).ifPresent(from::setValue);
        query.getSingleParameter("to").flatMap(VisitDashboardView::date).ifPresent(to::setValue);
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    void refresh() {
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        List<ComplianceRow> rows = new ArrayList<>(compliance.rows(viewer, from.getValue(), to.getValue(),
                groupBy.getValue()));
        ComplianceRow total = rows.stream().reduce(new ComplianceRow("", getTranslation("visit.total"), 0, 0, 0,
                0, 0, 0, 0), (a, b) -> new ComplianceRow("", a.label(), a.planned() + b.planned(),
                a.onTime() + b.onTime(), a.late() + b.late(), a.missed() + b.missed(), a.upcoming() + b.upcoming(),
                a.openTasks() + b.openTasks(), a.overdueTasks() + b.overdueTasks()));
        if (!rows.isEmpty()) {
            rows.add(total);
        }
        table.setItems(rows);
        overdueTasks.setItems(q -> visits.tasks(currentViewer.get(), true, null, q.getOffset(), q.getLimit()).stream());
    }

    void drillDown(ComplianceRow row) {
        if (row.key().isEmpty()) {
            return;
        }
        VisitQuery query = switch (groupBy.getValue()) {
            case MANAGER -> new VisitQuery(from.getValue(), to.getValue(), Long.valueOf(row.key()), null, null, null);
            case UNIT -> new VisitQuery(from.getValue(), to.getValue(), null, Long.valueOf(row.key()), null, null);
            case MONTH -> {
                YearMonth m = YearMonth.parse(row.key());
                yield new VisitQuery(max(m.atDay(1), from.getValue()), min(m.atEndOfMonth(), to.getValue()), null,
                        null, null, null);
            }
        };
        drillTitle.setText(getTranslation("visit.drill", row.label()));
        drill.setItems(q -> visits.list(currentViewer.get(), query, q.getOffset(), q.getLimit()).stream(),
                q -> (int) visits.count(currentViewer.get(), query));
        drill.setVisible(true);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
