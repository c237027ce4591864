package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationDashboard;
import cn.keyaccount.application.DashboardSummary;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The time-limit dashboard of the applications in reach (a manager their own customers', a supervisor the unit's):
 * open ones by step with the overdue count (a step opens the list of its overdue ones), working days of completed
 * ones per kind and voltage against the limit (a row opens the list of that kind), on-time rates per manager, unit and
 * month; the same as XLSX.
 */
@Route("applications/dashboard")
@PageTitle("application.dashboard.title")
@Menu(title = "application.dashboard.menu", order = 43, icon = "vaadin:dashboard")
@RolesAllowed(Roles.ACCOUNT_STAFF)
class ApplicationDashboardView extends VerticalLayout {

    private final ApplicationDashboard dashboard;
    private final Viewer viewer;
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<DashboardSummary.StepCount> steps = new Grid<>();
    final Grid<DashboardSummary.Duration> durations = new Grid<>();
    final Grid<DashboardSummary.OnTime> onTime = new Grid<>();
    DashboardSummary shown;

    ApplicationDashboardView(ApplicationDashboard dashboard, CurrentViewer currentViewer, Clock clock) {
        this.dashboard = dashboard;
        this.viewer = currentViewer.get();
        LocalDate today = LocalDate.now(clock);
        from.setLabel(getTranslation("application.dashboard.from"));
        from.setValue(today.minusMonths(12));
        to.setLabel(getTranslation("application.dashboard.to"));
        to.setValue(today);
        from.addValueChangeListener(e -> load());
        to.addValueChangeListener(e -> load());
        DownloadHandler xlsx = event -> {
            event.setFileName(getTranslation("application.dashboard.file"));
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            event.getOutputStream().write(dashboard.workbook(dashboard.summarise(viewer, from.getValue(),
                    to.getValue()), key -> getTranslation(key)));
        };
        Anchor export = new Anchor(xlsx, "");
        export.add(new Button(getTranslation("application.dashboard.export"), VaadinIcon.DOWNLOAD.create()));
        export.setId("application-dashboard-xlsx");
        HorizontalLayout bar = new HorizontalLayout(from, to, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        steps.addColumn(c -> getTranslation("application.step." + c.step()))
                .setHeader(getTranslation("application.current-step"));
        steps.addColumn(DashboardSummary.StepCount::open).setHeader(getTranslation("application.dashboard.open"));
        steps.addColumn(DashboardSummary.StepCount::overdue)
                .setHeader(getTranslation("application.dashboard.overdue"));
        steps.setPartNameGenerator(c -> c.overdue() > 0 ? "application-overdue" : null);
        steps.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("applications?overdue=true")));
        steps.setAllRowsVisible(true);
        durations.addColumn(d -> getTranslation("application.kind." + d.kind()))
                .setHeader(getTranslation("application.kind"));
        durations.addColumn(d -> getTranslation("application.voltage." + d.voltage()))
                .setHeader(getTranslation("application.voltage-supply"));
        durations.addColumn(DashboardSummary.Duration::completed)
                .setHeader(getTranslation("application.dashboard.completed"));
        durations.addColumn(d -> d.averageDays().toPlainString())
                .setHeader(getTranslation("application.dashboard.average"));
        durations.addColumn(DashboardSummary.Duration::p90Days).setHeader(getTranslation("application.dashboard.p90"));
        durations.addColumn(d -> d.averageLimitDays().toPlainString())
                .setHeader(getTranslation("application.dashboard.limit"));
        durations.setPartNameGenerator(d -> d.p90Days() > d.averageLimitDays().doubleValue()
                ? "application-overdue" : null);
        durations.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("applications?kind="
                + e.getItem().kind().slug())));
        durations.setAllRowsVisible(true);
        onTime.addColumn(o -> getTranslation("application.dashboard.by." + o.by()))
                .setHeader(getTranslation("application.dashboard.by"));
        onTime.addColumn(DashboardSummary.OnTime::who).setHeader(getTranslation("application.dashboard.who"));
        onTime.addColumn(DashboardSummary.OnTime::month).setHeader(getTranslation("application.dashboard.month"));
        onTime.addColumn(DashboardSummary.OnTime::completed)
                .setHeader(getTranslation("application.dashboard.completed"));
        onTime.addColumn(o -> o.rate().toPlainString() + " %")
                .setHeader(getTranslation("application.dashboard.rate"));
        add(new H2(getTranslation("application.dashboard.title")), bar,
                new H3(getTranslation("application.dashboard.by-step")), steps,
                new H3(getTranslation("application.dashboard.durations")), durations,
                new H3(getTranslation("application.dashboard.on-time")), onTime);
        load();
    }

    void load() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        shown = dashboard.summarise(viewer, from.getValue(), to.getValue());
        steps.setItems(shown.byStep());
        durations.setItems(shown.durations());
        onTime.setItems(shown.onTime());
    }
}
