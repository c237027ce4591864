package cn.keyaccount.customer.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.base.ui.Uploads;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerExcel.ImportResult;
import cn.keyaccount.customer.CustomerExcel;
import cn.keyaccount.customer.CustomerGroups;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.CustomerValidator;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.Tier;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The key customers the signed-in user may see: searched, filtered, sorted and paged in the database. */
@Route("customers")
@PageTitle("nav.customers")
@Menu(title = "nav.customers", order = 10, icon = "vaadin:building")
@RolesAllowed(Roles.STAFF)
class CustomerListView extends VerticalLayout implements BeforeEnterObserver {

    private final CustomerService service;
    private final CustomerExcel excel;
    private final OrgService org;
    private final NetworkService network;
    private final Viewer viewer;

    final Grid<CustomerRow> grid = new Grid<>();
    final TextField searchField = new TextField();
    final ComboBox<Tier> tier = new ComboBox<>();
    final ComboBox<UnitDetails> unit = new ComboBox<>();
    final ComboBox<BigDecimal> voltage = new ComboBox<>();
    final ComboBox<Importance> importance = new ComboBox<>();
    final Span total = new Span();
    final NarrowScreen narrow = NarrowScreen.of(this);
    private final Div empty;
    private volatile CustomerSearch search = CustomerSearch.all();

    private final Clock clock;
    final GroupFilters groupFilters;

    CustomerListView(Clock clock, CustomerService service, CustomerExcel excel, OrgService org, NetworkService network,
                     CurrentViewer currentViewer, Instance<CustomerGroups> groups) {
        this.clock = clock;
        this.groupFilters = new GroupFilters(groups, currentViewer.get());
        this.service = service;
        this.excel = excel;
        this.org = org;
        this.network = network;
        this.viewer = currentViewer.get();
        empty = MainLayout.emptyState(getTranslation("customer.list.empty"));
        setSizeFull();
        add(narrow.foldable(filters()), actions(), grid, empty);
        configureGrid();
        refresh();
    }

    private HorizontalLayout filters() {
        searchField.setPlaceholder(getTranslation("customer.list.search"));
        searchField.setPrefixComponent(VaadinIcon.SEARCH.create());
        searchField.setClearButtonVisible(true);
        searchField.setValueChangeMode(ValueChangeMode.TIMEOUT);
        searchField.setValueChangeTimeout(300);
        searchField.setWidth("min(22em, 100%)");
        tier.setLabel(getTranslation("customer.tier"));
        tier.setItems(Tier.values());
        unit.setLabel(getTranslation("customer.unit"));
        unit.setItems(units());
        unit.setItemLabelGenerator(u -> "\u3000".repeat(Math.max(0, u.depth())) + u.displayName(getLocale()));
        voltage.setLabel(getTranslation("customer.voltage"));
        voltage.setItems(CustomerValidator.VOLTAGES);
        voltage.setItemLabelGenerator(v -> v.toPlainString() + " kV");
        importance.setLabel(getTranslation("customer.importance"));
        importance.setItems(Importance.values());
        importance.setItemLabelGenerator(i -> getTranslation(CustomerLabels.key(i)));
        List.of(tier, unit, voltage, importance).forEach(box -> {
            box.setClearButtonVisible(true);
            box.addValueChangeListener(e -> refresh());
        });
        groupFilters.boxes().forEach(box -> box.addValueChangeListener(e -> refresh()));
        searchField.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(searchField, tier, unit, voltage, importance);
        groupFilters.boxes().forEach(bar::add);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private HorizontalLayout actions() {
        DownloadHandler download = event -> {
            event.setFileName("customers-" + LocalDate.now(clock) + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            excel.export(viewer, search, event.getOutputStream());
        };
        Anchor export = new Anchor(download, "");
        export.add(new Button(getTranslation("common.export"), VaadinIcon.DOWNLOAD.create()));
        export.setId("customer-export");
        HorizontalLayout bar = new HorizontalLayout(total, export);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        if (viewer.isAdmin() || viewer.isSupervisor()) {
            Button create = new Button(getTranslation("customer.new"), VaadinIcon.PLUS.create(), e -> openNew());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("customer-new");
            bar.addComponentAsFirst(create);
            bar.add(importUpload());
        }
        return bar;
    }

    private Upload importUpload() {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(Uploads.inMemory((metadata, data) -> {
            ImportResult result = excel.importCustomers(viewer, new ByteArrayInputStream(data), metadata.fileName());
            ui.access(() -> showImport(result));
        }, Uploads.IMPORT_MAX_BYTES));
        upload.setAcceptedFileTypes(".xlsx");
        Uploads.limit(upload, Uploads.IMPORT_MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button(getTranslation("common.import"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("customer.import.drop")));
        upload.setId("customer-import");
        Uploads.localized(upload);
        return upload;
    }

    private void showImport(ImportResult result) {
        if (result.succeeded()) {
            Notices.success(getTranslation("customer.import.done", result.created()));
            refresh();
        } else {
            new ImportReportDialog(result.problems()).open();
        }
    }

    private void configureGrid() {
        grid.addColumn(CustomerRow::accountNo).setHeader(getTranslation("customer.account-no"))
                .setSortProperty(CustomerSearch.SortBy.ACCOUNT_NO.name()).setAutoWidth(true).setFlexGrow(0);
        // the name is what people scan by: it takes the room left, in full on hover
        grid.addColumn(CustomerRow::name).setHeader(getTranslation("customer.name"))
                .setSortProperty(CustomerSearch.SortBy.NAME.name()).setFlexGrow(3).setWidth("12rem")
                .setTooltipGenerator(CustomerRow::name);
        grid.addColumn(CustomerRow::industryName).setHeader(getTranslation("customer.industry"))
                .setTooltipGenerator(CustomerRow::industryName);
        grid.addColumn(CustomerRow::unitName).setHeader(getTranslation("customer.unit")).setAutoWidth(true);
        grid.addColumn(r -> r.voltageKv().toPlainString()).setHeader(getTranslation("customer.voltage"))
                .setSortProperty(CustomerSearch.SortBy.VOLTAGE.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.contractCapacityKva().toPlainString())
                .setHeader(getTranslation("customer.contract-capacity"))
                .setSortProperty(CustomerSearch.SortBy.CAPACITY.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation(CustomerLabels.key(r.importance())))
                .setHeader(getTranslation("customer.importance")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> TierBadge.of(r.tier())).setHeader(getTranslation("customer.tier"))
                .setSortProperty(CustomerSearch.SortBy.TIER.name()).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CustomerRow::managerName).setHeader(getTranslation("customer.manager")).setAutoWidth(true);
        narrow.cards(grid, r -> NarrowScreen.card(r.name(), r.accountNo(), r.unitName(),
                r.voltageKv().toPlainString() + " kV", getTranslation(CustomerLabels.key(r.importance())),
                r.tier() == null ? null : getTranslation("customer.tier") + " " + r.tier().name(), r.managerName()));
        grid.setItems(query -> service.search(viewer, search, order(query.getSortOrders()), query.getOffset(),
                query.getLimit()).stream());
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();
    }

    private static CustomerSearch.Order order(List<QuerySortOrder> sortOrders) {
        return sortOrders.stream().findFirst()
                .map(o -> new CustomerSearch.Order(CustomerSearch.SortBy.valueOf(o.getSorted()),
                        o.getDirection() == SortDirection.DESCENDING))
                .orElse(CustomerSearch.Order.DEFAULT);
    }

    private void refresh() {
        search = groupFilters.apply(new CustomerSearch(searchField.getValue(), tier.getValue(),
                unit.getValue() == null ? null : unit.getValue().id(), voltage.getValue(), importance.getValue(),
                null));
        long count = service.count(viewer, search);
        total.setText(count > CustomerService.COUNT_LIMIT
                ? getTranslation("common.total-more", CustomerService.COUNT_LIMIT) : getTranslation("common.total", count));
        grid.setVisible(count > 0);
        empty.setVisible(count == 0);
        grid.getDataProvider().refreshAll();
    }

    /** {@code ?tag=…} or {@code ?segment=…} preselects another feature's filter (the segments screen links here). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        groupFilters.select(event.getLocation().getQueryParameters());
    }

    private List<UnitDetails> units() {
        return org.all().stream()
                .filter(u -> viewer.isAdmin() || viewer.isManager() || u.path().startsWith(viewer.unitPath()))
                .toList();
    }

    private void open(long id) {
        UI.getCurrent().navigate(CustomerDetailView.class, new RouteParameters("id", Long.toString(id)));
    }

    private void openNew() {
        Dialog dialog = new Dialog(getTranslation("customer.new"));
        CustomerForm form = new CustomerForm(units(), network::searchLines);
        form.edit(new CustomerDraft(), List.of(), true);
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            long id = service.create(viewer, e.draft()).id();
            dialog.close();
            Notices.success(getTranslation("common.saved"));
            open(id);
        });
        dialog.add(form);
        dialog.setWidth("min(60em, 95vw)");
        dialog.open();
    }
}
