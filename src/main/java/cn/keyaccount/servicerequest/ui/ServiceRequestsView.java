package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.RequestFilter;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.RequestStatus;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The requests list 服务工单: search by subject, customer or account number, filter by type and state, only the
 * viewer's own, paged in SQL; a click opens the request; 新建工单 takes a phone call. {@code ?mine=true} opens the
 * inbox as the workbench links it.
 */
@Route("service-requests")
@PageTitle("request.menu")
@Menu(title = "request.menu", order = 36, icon = "vaadin:clipboard-check")
@RolesAllowed(Roles.STAFF)
class ServiceRequestsView extends VerticalLayout implements BeforeEnterObserver {

    /** The state filter: one state, or every state not closed. */
    enum Shown { OPEN_ONLY, ALL, OPEN, IN_PROGRESS, REOPENED, CLOSED }

    private final ServiceRequestQueries queries;
    private final CurrentViewer viewer;

    final TextField text = new TextField();
    final ComboBox<RequestType> type = new ComboBox<>();
    final ComboBox<Shown> shown = new ComboBox<>();
    final Checkbox mine = new Checkbox();
    final Button add = new Button();
    final Grid<RequestRow> grid = new Grid<>();
    NewRequestDialog dialog;

    ServiceRequestsView(ServiceRequestQueries queries, ServiceRequestService requests, CustomerService customers,
                        CurrentViewer viewer) {
        this.queries = queries;
        this.viewer = viewer;
        setSizeFull();
        text.setLabel(getTranslation("request.search"));
        text.setId("request-search");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        type.setLabel(getTranslation("request.type"));
        type.setItems(RequestType.values());
        type.setItemLabelGenerator(v -> getTranslation("request.type." + v));
        type.setClearButtonVisible(true);
        type.setId("request-type-filter");
        shown.setLabel(getTranslation("request.status"));
        shown.setItems(Shown.values());
        shown.setItemLabelGenerator(v -> getTranslation("request.shown." + v));
        shown.setValue(Shown.OPEN_ONLY);
        shown.setId("request-status-filter");
        mine.setLabel(getTranslation("request.mine"));
        mine.setId("request-mine");
        add.setText(getTranslation("request.new"));
        add.setId("request-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(!viewer.get().is(Role.SCHEDULER));
        add.addClickListener(e -> {
            dialog = new NewRequestDialog(requests, customers, viewer::get, null,
                    created -> getUI().ifPresent(ui -> ui.navigate("service-requests/" + created.request().id())));
            dialog.open();
        });
        text.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());
        shown.addValueChangeListener(e -> refresh());
        mine.addValueChangeListener(e -> refresh());
        configureGrid();
        HorizontalLayout bar = new HorizontalLayout(text, type, shown, mine, add);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);
        add(bar, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("request-grid");
        grid.addColumn(RequestRow::id).setHeader(getTranslation("request.id")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> RequestUi.time(r.openedAt())).setHeader(getTranslation("request.opened-at"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.accountNo() + " " + r.customerName()).setHeader(getTranslation("request.customer"))
                .setFlexGrow(2);
        grid.addColumn(RequestUi::type).setHeader(getTranslation("request.type")).setAutoWidth(true);
        grid.addColumn(RequestRow::subject).setHeader(getTranslation("request.subject")).setFlexGrow(3);
        grid.addColumn(RequestUi::status).setHeader(getTranslation("request.status")).setAutoWidth(true);
        grid.addColumn(RequestUi::owner).setHeader(getTranslation("request.owner")).setAutoWidth(true);
        grid.addColumn(RequestUi::due).setHeader(getTranslation("request.due")).setAutoWidth(true);
        grid.setPartNameGenerator(r -> r.overdue() ? "overdue" : null);
        grid.setItems(q -> queries.list(viewer.get(), filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) queries.count(viewer.get(), filter()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("service-requests/" + e.getItem().id())));
        grid.setEmptyStateText(getTranslation("request.none"));
    }

    RequestFilter filter() {
        Shown s = shown.getValue() == null ? Shown.ALL : shown.getValue();
        RequestStatus status = switch (s) {
            case OPEN_ONLY, ALL -> null;
            default -> RequestStatus.valueOf(s.name());
        };
        return new RequestFilter(text.getValue(), type.getValue(), status, s == Shown.OPEN_ONLY, null,
                mine.getValue());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getSingleParameter("mine").filter("true"::equals).isPresent()) {
            mine.setValue(true);
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
