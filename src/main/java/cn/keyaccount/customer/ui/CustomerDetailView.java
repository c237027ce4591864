package cn.keyaccount.customer.ui;

import cn.keyaccount.assignment.AssignmentRecord;
import cn.keyaccount.assignment.AssignmentService;
import cn.keyaccount.audit.AuditEntry;
import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.audit.ui.AuditLabels;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key customer as a record card: the header ({@link CustomerCard}: the facts people look for first, open items,
 * actions), then the profile, the timeline, contacts, transformers, supply lines, assignment history, audit trail and
 * the tabs other features contribute. {@code ?tab=<title key>} opens a tab (the timeline's links use it).
 */
@Route("customers/:id")
@PageTitle("customer.page-title")
@RolesAllowed(Roles.STAFF)
class CustomerDetailView extends VerticalLayout implements BeforeEnterObserver, CustomerPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CustomerService customers;
    private final ContactService contacts;
    private final TransformerService transformers;
    private final AssignmentService assignments;
    private final AuditService audit;
    private final OrgService org;
    private final NetworkService network;
    private final List<CustomerTab> contributed;
    private final List<CustomerCardPart> cardParts;
    private final CustomerTimeline timeline;
    private final Viewer viewer;
    private final Map<String, Tab> tabsByKey = new LinkedHashMap<>();
    private long customerId;
    private String openTab;
    CustomerForm form;
    CustomerCard card;
    TabSheet tabs;

    CustomerDetailView(CustomerService customers, ContactService contacts, TransformerService transformers,
                       AssignmentService assignments, AuditService audit, OrgService org, NetworkService network,
                       Instance<CustomerTab> contributed, Instance<CustomerCardPart> cardParts,
                       CustomerTimeline timeline, CurrentViewer currentViewer) {
        this.contributed = contributed.stream().sorted(Comparator.comparingInt(CustomerTab::order)).toList();
        this.cardParts = cardParts.stream().sorted(Comparator.comparingInt(CustomerCardPart::order)).toList();
        this.timeline = timeline;
        this.customers = customers;
        this.contacts = contacts;
        this.transformers = transformers;
        this.assignments = assignments;
        this.audit = audit;
        this.org = org;
        this.network = network;
        this.viewer = currentViewer.get();
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        customerId = event.getRouteParameters().getLong("id").orElse(-1L);
        openTab = event.getLocation().getQueryParameters().getSingleParameter("tab").orElse(null);
        load();
        if (openTab != null) {
            showTab(openTab);
        }
    }

    @Override
    public long customerId() {
        return customerId;
    }

    @Override
    public Component showTab(String titleKey) {
        Tab tab = tabsByKey.get(titleKey);
        if (tab == null) {
            return null;
        }
        tabs.setSelectedTab(tab);
        return tabs.getComponent(tab);
    }

    @Override
    public void reload() {
        String selected = tabsByKey.entrySet().stream().filter(e -> e.getValue().equals(tabs.getSelectedTab()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        load();
        if (selected != null) {
            showTab(selected);
        }
    }

    private void load() {
        removeAll();
        Errors.reloadOnConflict(this, this::load);
        CustomerDetails details;
        try {
            details = customers.get(viewer, customerId);
        } catch (BusinessException e) { // not the error handler's note: the page itself says the customer is not there
            Paragraph notFound = new Paragraph(getTranslation("customer.not-found", Long.toString(customerId)));
            notFound.setId("customer-not-found");
            add(notFound);
            return;
        }
        card = new CustomerCard(details, viewer, cardParts, this);
        add(card);
        tabs = new TabSheet();
        tabsByKey.clear();
        tab("customer.tab.profile", profile(details));
        tab("customer.tab.timeline", new TimelinePanel(timeline, viewer, customerId));
        tab("customer.tab.contacts", new ContactsTab(contacts, viewer, customerId, details.editable()));
        tab("customer.tab.transformers", new TransformersTab(transformers, viewer, customerId, details.editable()));
        tab("customer.tab.lines", lines(details));
        tab("customer.tab.assignments", assignmentHistory());
        tab("customer.tab.audit", auditTrail());
        for (CustomerTab tab : contributed) {
            tab(tab.titleKey(), tab.create(viewer, customerId, details.editable()));
        }
        tabs.setSizeFull();
        add(tabs);
    }

    private void tab(String titleKey, Component content) {
        Tab tab = tabs.add(getTranslation(titleKey), content);
        tab.setId("tab-" + titleKey.replace('.', '-'));
        tabsByKey.put(titleKey, tab);
    }

    private CustomerForm profile(CustomerDetails d) {
        form = new CustomerForm(org.all(), network::searchLines);
        form.edit(d.toDraft(), d.lines(), d.editable());
        form.addCancelListener(e -> load());
        form.addSaveListener(e -> save(e.draft()));
        return form;
    }

    private void save(CustomerDraft draft) {
        customers.update(viewer, customerId, draft);
        Notices.success(getTranslation("common.saved"));
        load();
    }

    private Grid<LineDetails> lines(CustomerDetails d) {
        Grid<LineDetails> grid = new Grid<>();
        grid.addColumn(LineDetails::code).setHeader(getTranslation("customer.line.code")).setAutoWidth(true);
        grid.addColumn(LineDetails::name).setHeader(getTranslation("customer.line.name"));
        grid.addColumn(l -> l.voltageKv().toPlainString()).setHeader(getTranslation("customer.voltage"));
        grid.addColumn(LineDetails::substationName).setHeader(getTranslation("customer.line.substation"));
        grid.setItems(d.lines());
        return grid;
    }

    private Grid<AssignmentRecord> assignmentHistory() {
        Grid<AssignmentRecord> grid = new Grid<>();
        grid.addColumn(AssignmentRecord::managerName).setHeader(getTranslation("customer.manager"));
        grid.addColumn(AssignmentRecord::backupManagerName).setHeader(getTranslation("customer.backup-manager"));
        grid.addColumn(a -> time(a.validFrom())).setHeader(getTranslation("customer.assignment.from")).setAutoWidth(true);
        grid.addColumn(a -> a.validTo() == null ? getTranslation("customer.assignment.current") : time(a.validTo()))
                .setHeader(getTranslation("customer.assignment.to")).setAutoWidth(true);
        grid.addColumn(AssignmentRecord::assignedBy).setHeader(getTranslation("customer.assignment.by"));
        grid.addColumn(AssignmentRecord::reason).setHeader(getTranslation("customer.assignment.reason")).setFlexGrow(2);
        grid.setItems(assignments.history(viewer, customerId));
        return grid;
    }

    /** Paged from the database: a long-lived customer has a long trail. */
    private Grid<AuditEntry> auditTrail() {
        AuditQuery query = AuditQuery.forCustomer(customerId);
        Grid<AuditEntry> grid = new Grid<>();
        grid.addColumn(a -> time(a.at())).setHeader(getTranslation("customer.audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("customer.audit.actor")).setAutoWidth(true);
        grid.addColumn(a -> AuditLabels.action(this::getTranslation, a.action())).setHeader(getTranslation("customer.audit.action")).setAutoWidth(true);
        grid.addColumn(a -> AuditLabels.summary(this::getTranslation, a.summary())).setHeader(getTranslation("customer.audit.summary")).setFlexGrow(2);
        grid.setItems(q -> audit.find(query, q.getPage(), q.getPageSize()).stream(), q -> (int) audit.count(query));
        return grid;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t);
    }
}
