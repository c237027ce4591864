package cn.keyaccount.audit.ui;

import cn.keyaccount.audit.AuditEntry;
import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The audit log (操作日志): sign-ins and every change, newest first, paged in SQL. A supervisor sees the events of
 * their own unit and the units below it; an administrator sees all. Selecting a row shows the before/after state.
 */
@Route("audit")
@PageTitle("audit.menu")
@Menu(title = "audit.menu", order = 90, icon = "vaadin:records")
@RolesAllowed(Roles.SUPERVISORS)
class AuditLogView extends VerticalLayout {

    /** The actions services record today, offered by name in the filter. */
    static final List<String> ACTIONS = List.of("LOGIN", "LOGIN_FAILED", "LOGIN_REFUSED", "LOGIN_LOCKED", "LOGOUT",
            "USER_CREATED", "USER_ENABLED", "USER_DISABLED", "PASSWORD_RESET", "PASSWORD_CHANGED", "CUSTOMER_CREATED",
            "CUSTOMER_UPDATED", "CONTACT_CREATED", "CONTACT_UPDATED", "CONTACT_DELETED", "TRANSFORMER_CREATED",
            "TRANSFORMER_UPDATED", "TRANSFORMER_DELETED", "ASSIGNMENT_CHANGED", "PORTAL_ACCESS_GRANTED",
            "VISIT_ADDED", "VISIT_MOVED", "VISIT_CONFIRMED", "VISIT_CANCELLED", "VISIT_RECORDED",
            "VISIT_CUSTOMER_CONFIRMED", "VISIT_RESCHEDULE_REQUESTED", "VISITS_PLANNED", "VISIT_POLICY_CHANGED",
            "PLAN_CREATED", "PLAN_UPDATED", "PLAN_REVISED", "PLAN_SUBMIT", "PLAN_APPROVE", "PLAN_REJECT",
            "PLAN_ACTIVATE", "PLAN_CLOSE", "TRUCK_ADDED", "TRUCK_BOOKED", "TRUCK_BOOKING_CANCELLED",
            "OUTAGE_REGISTERED", "OUTAGE_CHANGED", "OUTAGE_CANCELLED", "OUTAGE_RELEASED", "CRITICAL_PERIOD_DECLARED",
            "CRITICAL_PERIOD_REMOVED", "NOTICE_SCHEDULED", "NOTICE_RETRIED", "NOTICE_UNCERTAIN_RESENT",
            "NOTICE_UNCERTAIN_COUNTED_SENT", "BILLS_IMPORTED", "PAYMENTS_IMPORTED", "REPORT_ISSUED",
            "REPORT_DOWNLOADED");
    private static final ZoneId ZONE = TimeSettings.companyZone();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditService audit;
    private final CurrentViewer currentViewer;

    final TextField actor = new TextField();
    final ComboBox<String> action = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<AuditEntry> grid = new Grid<>();

    AuditLogView(AuditService audit, CurrentViewer currentViewer) {
        this.audit = audit;
        this.currentViewer = currentViewer;
        setSizeFull();
        actor.setLabel(getTranslation("audit.actor"));
        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        action.setLabel(getTranslation("audit.action"));
        action.setId("audit-action");
        action.setItems(ACTIONS);
        action.setItemLabelGenerator(this::actionLabel);
        action.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.to"));
        to.setId("audit-to");
        actor.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        add(filters, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addColumn(e -> e.at().atZoneSameInstant(ZONE).format(TIME)).setHeader(getTranslation("audit.time"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> actionLabel(e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> AuditLabels.entity(this::getTranslation, e.entityType(), e.entityId()))
                .setHeader(getTranslation("audit.entity")).setAutoWidth(true);
        grid.addColumn(e -> AuditLabels.summary(this::getTranslation, e.summary())).setHeader(getTranslation("audit.summary")).setFlexGrow(3);
        grid.setItems(q -> audit.find(query(), q.getPage(), q.getPageSize()).stream(),
                q -> (int) audit.count(query()));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setEmptyStateText(getTranslation("audit.empty"));
    }

    private Div details(AuditEntry e) {
        Div div = new Div();
        div.addClassName("audit-details");
        if (e.beforeJson() == null && e.afterJson() == null) {
            div.add(new Span(getTranslation("audit.no-snapshot")));
            return div;
        }
        div.add(snapshot("audit.before", e.beforeJson()), snapshot("audit.after", e.afterJson()));
        return div;
    }

    private Div snapshot(String key, String json) {
        Div part = new Div(new Span(getTranslation(key)));
        part.add(new Pre(json == null ? "—" : json));
        return part;
    }

    private String actionLabel(String code) {
        return AuditLabels.action(this::getTranslation, code);
    }

    private AuditQuery query() {
        Viewer viewer = currentViewer.get();
        String scope = viewer.isAdmin() ? null : viewer.unitPath();
        return new AuditQuery(scope, null, actor.getValue(), action.getValue(), from.getValue(), to.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
