package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.DashboardDetails;
import cn.keyaccount.servicerequest.RequestDashboard;
import cn.keyaccount.servicerequest.RequestDashboardWorkbook;
import cn.keyaccount.servicerequest.RequestFilter;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import com.vaadin.flow.component.UI;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 服务工单看板: supervisors over their units, managers over their own. Open requests by type and age (a click lists
 * them below), service-level compliance per type, unit, handler and month, repair arrival and restoration times
 * (median, 90th percentile) against the commitment, return-visit satisfaction; XLSX export of all of it.
 */
@Route("service-requests/dashboard")
@PageTitle("request.dashboard.title")
@Menu(title = "request.dashboard.menu", order = 37, icon = "vaadin:dashboard")
@RolesAllowed(Roles.ACCOUNT_STAFF)
class RequestDashboardView extends VerticalLayout {

    private final RequestDashboard dashboard;
    private final ServiceRequestQueries queries;
    private final CurrentViewer viewer;
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<DashboardDetails.OpenByType> open = new Grid<>();
    final Grid<DashboardDetails.Compliance> compliance = new Grid<>();
    final Grid<DashboardDetails.RepairTimes> repairs = new Grid<>();
    final Grid<DashboardDetails.Satisfaction> satisfaction = new Grid<>();
    final Grid<RequestRow> drill = new Grid<>();
    final Anchor export;

    RequestDashboardView(RequestDashboard dashboard, RequestDashboardWorkbook workbook,
                         ServiceRequestQueries queries, CurrentViewer viewer, Clock clock) {
        this.dashboard = dashboard;
        this.queries = queries;
        this.viewer = viewer;
        add(new H2(getTranslation("request.dashboard.menu")));
        to.setValue(LocalDate.now(clock));
        from.setValue(to.getValue().minusMonths(12).plusDays(1));
        from.setLabel(getTranslation("request.dashboard.from"));
        to.setLabel(getTranslation("request.dashboard.to"));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        DownloadHandler xlsx = event -> {
            event.setFileName("service-requests-" + from.getValue() + "-" + to.getValue() + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            workbook.write(viewer.get(), from.getValue(), to.getValue(), getLocale(), event.getOutputStream());
        };
        export = new Anchor(xlsx, "");
        export.add(new Button(getTranslation("request.dashboard.export"), VaadinIcon.DOWNLOAD.create()));
        export.setId("request-dashboard-export");
        HorizontalLayout bar = new HorizontalLayout(from, to, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        configure();
        add(bar, new H3(getTranslation("request.dashboard.open")), open,
                new H3(getTranslation("request.dashboard.drill")), drill,
                new H3(getTranslation("request.dashboard.compliance")), compliance,
                new H3(getTranslation("request.dashboard.repair")), repairs,
                new H3(getTranslation("request.dashboard.satisfaction")), satisfaction);
        refresh();
    }

    private void configure() {
        open.setId("request-dashboard-open");
        open.addColumn(o -> getTranslation("request.type." + o.type())).setHeader(getTranslation("request.type"));
        for (DashboardDetails.Age age : DashboardDetails.Age.values()) {
            open.addColumn(o -> o.byAge().get(age.ordinal())).setHeader(getTranslation("request.dashboard.age."
                    + age));
        }
        open.addColumn(DashboardDetails.OpenByType::overdue).setHeader(getTranslation("request.overdue"));
        open.addColumn(DashboardDetails.OpenByType::total).setHeader(getTranslation("request.dashboard.total"));
        open.setAllRowsVisible(true);
        open.addItemClickListener(e -> showOpen(e.getItem().type()));
        drill.setId("request-dashboard-drill");
        drill.addColumn(r -> "#" + r.id()).setHeader(getTranslation("request.id")).setAutoWidth(true);
        drill.addColumn(r -> r.accountNo() + " " + r.customerName()).setHeader(getTranslation("request.customer"))
                .setFlexGrow(2);
        drill.addColumn(RequestRow::subject).setHeader(getTranslation("request.subject")).setFlexGrow(2);
        drill.addColumn(RequestUi::owner).setHeader(getTranslation("request.owner"));
        drill.addColumn(RequestUi::due).setHeader(getTranslation("request.due"));
        drill.addItemClickListener(e -> UI.getCurrent().navigate("service-requests/" + e.getItem().id()));
        drill.setHeight("16rem");
        compliance.setId("request-dashboard-compliance");
        compliance.addColumn(c -> getTranslation("request.dashboard.by." + c.by()))
                .setHeader(getTranslation("request.dashboard.by")).setAutoWidth(true);
        compliance.addColumn(this::group).setHeader(getTranslation("request.dashboard.group")).setFlexGrow(2);
        compliance.addColumn(DashboardDetails.Compliance::due).setHeader(getTranslation("request.dashboard.due"));
        compliance.addColumn(DashboardDetails.Compliance::met).setHeader(getTranslation("request.dashboard.met"));
        compliance.addColumn(c -> c.rate() == null ? "—" : c.rate() + " %")
                .setHeader(getTranslation("request.dashboard.rate"));
        compliance.addItemClickListener(e -> {
            if (e.getItem().by() == DashboardDetails.By.TYPE) {
                showOpen(RequestType.valueOf(e.getItem().group()));
            }
        });
        repairs.setId("request-dashboard-repairs");
        repairs.addColumn(t -> getTranslation("request.area." + t.area())).setHeader(getTranslation("request.area"));
        repairs.addColumn(t -> getTranslation("request.dashboard.measure." + t.measure()))
                .setHeader(getTranslation("request.dashboard.measure"));
        repairs.addColumn(DashboardDetails.RepairTimes::count).setHeader(getTranslation("request.dashboard.count"));
        repairs.addColumn(t -> minutes(t.median())).setHeader(getTranslation("request.dashboard.median"));
        repairs.addColumn(t -> minutes(t.p90())).setHeader(getTranslation("request.dashboard.p90"));
        repairs.addColumn(t -> minutes(t.commitment())).setHeader(getTranslation("request.dashboard.commitment"));
        repairs.addColumn(DashboardDetails.RepairTimes::met).setHeader(getTranslation("request.dashboard.met"));
        satisfaction.setId("request-dashboard-satisfaction");
        satisfaction.addColumn(s -> getTranslation("request.type." + s.type()))
                .setHeader(getTranslation("request.type"));
        satisfaction.addColumn(DashboardDetails.Satisfaction::visits)
                .setHeader(getTranslation("request.dashboard.visits"));
        satisfaction.addColumn(DashboardDetails.Satisfaction::average)
                .setHeader(getTranslation("request.dashboard.average"));
        satisfaction.addColumn(DashboardDetails.Satisfaction::dissatisfied)
                .setHeader(getTranslation("request.dashboard.dissatisfied"));
        for (Grid<?> g : new Grid<?>[] {compliance, repairs, satisfaction}) {
            g.setAllRowsVisible(true);
        }
    }

    void refresh() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        DashboardDetails d = dashboard.summarise(viewer.get(), from.getValue(), to.getValue());
        open.setItems(d.open());
        compliance.setItems(d.compliance());
        repairs.setItems(d.repairs());
        satisfaction.setItems(d.satisfaction());
        drill.setItems(java.util.List.of());
    }

    /** The open requests of a type, paged in SQL from the viewer's list. */
    void showOpen(RequestType type) {
        RequestFilter f = new RequestFilter(null, type, null, true, null, false);
        drill.setItems(q -> queries.list(viewer.get(), f, q.getOffset(), q.getLimit()).stream(),
                q -> (int) queries.count(viewer.get(), f));
    }

    private String group(DashboardDetails.Compliance c) {
        return switch (c.by()) {
            case TYPE -> getTranslation("request.type." + c.group());
            case MANAGER -> c.group().isEmpty() ? getTranslation("request.dashboard.no-manager") : c.group();
            case UNIT, MONTH -> c.group();
        };
    }

    private static String minutes(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }
}
