package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationDetails;
import cn.keyaccount.application.ApplicationDocuments;
import cn.keyaccount.application.ApplicationRow;
import cn.keyaccount.application.ApplicationSchemes;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The portal's applications: a key customer starts one for its own accounts (kind, capacity, address, wished date),
 * follows each of its applications step by step — dates, working days used of the limit, who handles it — and
 * uploads the documents of the checklist (the one-time notice says which are missing).
 */
@Route("portal/applications")
@PageTitle("application.portal-menu")
@Menu(title = "application.portal-menu", order = 2, icon = "vaadin:connect")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalApplicationsView extends VerticalLayout {

    private final ApplicationService applications;
    private final ApplicationDocuments documents;
    private final ApplicationSchemes schemes;
    private final Viewer viewer;
    final ApplicationForm form;
    final Grid<ApplicationRow> grid = new Grid<>();
    final VerticalLayout detail = new VerticalLayout();

    PortalApplicationsView(ApplicationService applications, ApplicationDocuments documents, ApplicationSchemes schemes,
                           CustomerService customers, TransformerService transformers, CurrentViewer currentViewer) {
        this.applications = applications;
        this.documents = documents;
        this.schemes = schemes;
        this.viewer = currentViewer.get();
        List<CustomerName> own = customers.ownAccounts(viewer).stream()
                .map(c -> new CustomerName(c.id(), c.accountNo(), c.name())).toList();
        form = new ApplicationForm((text, offset) -> offset > 0 ? List.of() : own.stream()
                .filter(c -> text.isBlank() || c.name().contains(text) || c.accountNo().contains(text)).toList(),
                id -> transformers.list(viewer, id));
        if (own.size() == 1) {
            form.customer.setValue(own.getFirst());
        }
        form.addSaveListener(e -> {
            ApplicationDetails created = applications.create(viewer, e.draft());
            Notices.success(getTranslation("application.created", created.number()));
            grid.getDataProvider().refreshAll();
            show(created.id());
        });
        Details start = new Details(getTranslation("application.new"), form);
        start.setId("portal-application-new");
        grid.setId("portal-applications");
        grid.addColumn(ApplicationRow::number).setHeader(getTranslation("application.number")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("application.kind." + r.kind())).setHeader(
                getTranslation("application.kind")).setAutoWidth(true);
        grid.addColumn(r -> r.currentStep() == null ? getTranslation("application.status." + r.status())
                : getTranslation("application.step." + r.currentStep())).setHeader(
                getTranslation("application.current-step")).setAutoWidth(true);
        grid.addColumn(r -> r.acceptedOn().toString()).setHeader(getTranslation("application.accepted-on"))
                .setAutoWidth(true);
        grid.addColumn(ApplicationRow::handlerName).setHeader(getTranslation("application.handler"))
                .setAutoWidth(true);
        ApplicationService.ApplicationFilter all = ApplicationService.ApplicationFilter.all();
        grid.setItems(q -> applications.list(viewer, all, q.getOffset(), q.getLimit()).stream(),
                q -> (int) applications.count(viewer, all));
        grid.setEmptyStateText(getTranslation("application.none"));
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> show(e.getItem().id()));
        detail.setPadding(false);
        add(new H2(getTranslation("application.portal-menu")), start, grid, detail);
    }

    /** One application as the customer follows it: its steps with dates and days, and its documents. */
    void show(long id) {
        detail.removeAll();
        ApplicationDetails a = applications.get(viewer, id);
        Grid<ApplicationDetails.StepDetails> steps = new Grid<>();
        steps.setId("portal-application-steps");
        steps.addColumn(s -> getTranslation("application.step." + s.step())).setHeader(
                getTranslation("application.steps")).setAutoWidth(true);
        steps.addColumn(s -> s.startedOn() == null ? "" : s.startedOn().toString())
                .setHeader(getTranslation("application.step-started")).setAutoWidth(true);
        steps.addColumn(s -> s.completedOn() == null ? "" : s.completedOn().toString())
                .setHeader(getTranslation("application.step-completed")).setAutoWidth(true);
        steps.addColumn(s -> getTranslation("application.used-days", s.usedDays(), s.limitDays()))
                .setHeader(getTranslation("application.used")).setAutoWidth(true);
        steps.setItems(a.steps());
        steps.setAllRowsVisible(true);
        detail.add(new H3(a.number() + " · " + getTranslation("application.kind." + a.kind()) + " · "
                        + getTranslation("application.status." + a.status())),
                new Paragraph(getTranslation("application.handler") + " " + a.handlerName()), steps,
                new H3(getTranslation("application.documents")),
                new DocumentsPanel(documents, viewer, a, () -> show(id)));
        if (ApplicationSchemes.offered(a)) {
            detail.add(new H3(getTranslation("application.scheme")), new SchemePanel(schemes, viewer, id));
        }
    }
}
