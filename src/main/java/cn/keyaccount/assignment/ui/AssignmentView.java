package cn.keyaccount.assignment.ui;

import cn.keyaccount.assignment.AssignmentService;
import cn.keyaccount.assignment.ManagerWorkload;
import cn.keyaccount.assignment.Reassignment;
import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * 服务对应关系: a supervisor picks customers (one or many), sees how loaded each manager is, and gives the customers
 * a new primary (and backup) manager with a reason. The workload table refreshes after each assignment.
 */
@Route("assignments")
@PageTitle("assignment.menu")
@Menu(title = "assignment.menu", order = 20, icon = "vaadin:users")
@RolesAllowed(Roles.SUPERVISORS)
class AssignmentView extends SplitLayout {

    private final AssignmentService assignments;
    private final CustomerService customers;
    private final CurrentViewer currentViewer;

    final TextField search = new TextField();
    final ComboBox<ManagerWorkload> managerFilter = new ComboBox<>();
    final Grid<CustomerRow> customerGrid = new Grid<>();
    final Grid<ManagerWorkload> workloadGrid = new Grid<>();
    final AssignmentForm form = new AssignmentForm();

    AssignmentView(AssignmentService assignments, CustomerService customers, CurrentViewer currentViewer) {
        this.assignments = assignments;
        this.customers = customers;
        this.currentViewer = currentViewer;
        setSizeFull();
        setSplitterPosition(55);
        addToPrimary(customerPane());
        addToSecondary(workloadPane());
        form.addAssignListener(this::confirm);
        refreshWorkloads();
    }

    private VerticalLayout customerPane() {
        search.setPlaceholder(getTranslation("assignment.search"));
        search.setId("assignment-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> customerGrid.getDataProvider().refreshAll());
        managerFilter.setPlaceholder(getTranslation("assignment.filter-manager"));
        managerFilter.setId("assignment-manager-filter");
        managerFilter.setClearButtonVisible(true);
        managerFilter.setItemLabelGenerator(ManagerWorkload::displayName);
        managerFilter.addValueChangeListener(e -> customerGrid.getDataProvider().refreshAll());

        customerGrid.setId("assignment-customers");
        customerGrid.setSelectionMode(Grid.SelectionMode.MULTI);
        customerGrid.addColumn(CustomerRow::accountNo).setHeader(getTranslation("assignment.account-no"))
                .setKey(CustomerSearch.SortBy.ACCOUNT_NO.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        // the name takes the room left, in full on hover
        customerGrid.addColumn(CustomerRow::name).setHeader(getTranslation("assignment.customer-name"))
                .setKey(CustomerSearch.SortBy.NAME.name()).setSortable(true).setFlexGrow(3).setWidth("12rem")
                .setTooltipGenerator(CustomerRow::name);
        customerGrid.addColumn(CustomerRow::tier).setHeader(getTranslation("assignment.tier"))
                .setKey(CustomerSearch.SortBy.TIER.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        customerGrid.addColumn(CustomerRow::unitName).setHeader(getTranslation("assignment.unit")).setAutoWidth(true)
                .setTooltipGenerator(CustomerRow::unitName);
        customerGrid.addColumn(r -> r.managerName() == null ? getTranslation("assignment.unassigned")
                : r.managerName()).setHeader(getTranslation("assignment.current-manager")).setAutoWidth(true);
        customerGrid.setItems(query -> customers.search(currentViewer.get(), criteria(),
                        order(query.getSortOrders()), query.getOffset(), query.getLimit()).stream(),
                query -> (int) customers.count(currentViewer.get(), criteria()));
        customerGrid.setEmptyStateText(getTranslation("assignment.no-customers"));
        customerGrid.addSelectionListener(e -> form.setSelectedCount(e.getAllSelectedItems().size()));

        HorizontalLayout filters = new HorizontalLayout(search, managerFilter);
        filters.setWrap(true);
        VerticalLayout pane = new VerticalLayout(filters, customerGrid);
        pane.setSizeFull();
        pane.setFlexGrow(1, customerGrid);
        return pane;
    }

    private VerticalLayout workloadPane() {
        workloadGrid.setId("assignment-workloads");
        workloadGrid.addColumn(ManagerWorkload::displayName).setHeader(getTranslation("assignment.manager"))
                .setFlexGrow(2).setWidth("7rem").setTooltipGenerator(ManagerWorkload::displayName);
        workloadGrid.addColumn(ManagerWorkload::unitName).setHeader(getTranslation("assignment.unit"))
                .setAutoWidth(true);
        workloadGrid.addColumn(ManagerWorkload::customers).setHeader(getTranslation("assignment.customers"))
                .setAutoWidth(true);
        workloadGrid.addColumn(w -> w.tierA() + " / " + w.tierB() + " / " + w.tierC())
                .setHeader(getTranslation("assignment.tiers")).setAutoWidth(true);
        workloadGrid.addColumn(ManagerWorkload::backupFor).setHeader(getTranslation("assignment.backup-for"))
                .setAutoWidth(true);
        workloadGrid.addColumn(ManagerWorkload::weightedLoad).setHeader(getTranslation("assignment.weighted-load"))
                .setAutoWidth(true);
        workloadGrid.setEmptyStateText(getTranslation("assignment.no-managers"));
        workloadGrid.setHeight("22rem");
        VerticalLayout pane = new VerticalLayout(new H3(getTranslation("assignment.workloads")), workloadGrid,
                new H3(getTranslation("assignment.new-assignment")), form);
        pane.setSizeFull();
        return pane;
    }

    private CustomerSearch criteria() {
        ManagerWorkload m = managerFilter.getValue();
        return new CustomerSearch(search.getValue(), null, null, null, null, m == null ? null : m.managerId());
    }

    private static CustomerSearch.Order order(List<com.vaadin.flow.data.provider.QuerySortOrder> sort) {
        if (sort.isEmpty()) {
            return CustomerSearch.Order.DEFAULT;
        }
        var first = sort.get(0);
        return new CustomerSearch.Order(CustomerSearch.SortBy.valueOf(first.getSorted()),
                first.getDirection() == SortDirection.DESCENDING);
    }

    private void refreshWorkloads() {
        List<ManagerWorkload> loads = assignments.workloads(currentViewer.get());
        workloadGrid.setItems(loads);
        form.setManagers(loads);
        ManagerWorkload filter = managerFilter.getValue();
        managerFilter.setItems(loads);
        if (filter != null) {
            loads.stream().filter(l -> l.managerId() == filter.managerId()).findFirst()
                    .ifPresent(managerFilter::setValue);
        }
    }

    private void confirm(AssignmentForm.AssignEvent event) {
        int count = customerGrid.getSelectedItems().size();
        String target = event.primary() == null ? getTranslation("assignment.no-target")
                : event.primary().displayName();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("assignment-confirm");
        dialog.setHeader(getTranslation("assignment.confirm-title"));
        dialog.setText(getTranslation("assignment.confirm-text", count, target));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setConfirmText(getTranslation("assignment.assign-n", count));
        dialog.addConfirmListener(e -> assign(event));
        Errors.openedFrom(dialog, form);
        dialog.open();
    }

    private void assign(AssignmentForm.AssignEvent event) {
        List<Long> ids = customerGrid.getSelectedItems().stream().map(CustomerRow::id).toList();
        Reassignment r = new Reassignment(ids, event.primary() == null ? null : event.primary().managerId(),
                event.backup() == null ? null : event.backup().managerId(), event.reason());
        int done = assignments.reassign(currentViewer.get(), r).size();
        customerGrid.deselectAll();
        customerGrid.getDataProvider().refreshAll();
        refreshWorkloads();
        form.clearReason();
        Notices.success(getTranslation("assignment.done", done, event.primary().displayName()));
    }
}
