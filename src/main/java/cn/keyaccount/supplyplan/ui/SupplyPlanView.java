package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.supplyplan.FleetService;
import cn.keyaccount.supplyplan.PlanAction;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanTaskService;
import cn.keyaccount.supplyplan.SupplyPlanDocument;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.supplyplan.Transition;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * One plan: its workflow buttons (only the steps open to the viewer), the DOCX download, and tabs for the content
 * (editable as a draft), the checklist, the truck bookings and the history of steps.
 */
@Route("plans/:id")
@PageTitle("plan.page-title")
@RolesAllowed(Roles.STAFF)
class SupplyPlanView extends VerticalLayout implements BeforeEnterObserver {

    private final SupplyPlanService plans;
    private final PlanTaskService tasks;
    private final FleetService fleet;
    private final SupplyPlanDocument document;
    private final CustomerService customers;
    private final Viewer viewer;
    private long planId;
    final TextField comment = new TextField();
    PlanContentForm form;
    PlanTasksPanel taskPanel;
    PlanBookingsPanel bookingPanel;
    final Span status = new Span();
    final HorizontalLayout actions = new HorizontalLayout();

    SupplyPlanView(SupplyPlanService plans, PlanTaskService tasks, FleetService fleet, SupplyPlanDocument document,
                   CustomerService customers, CurrentViewer currentViewer) {
        this.plans = plans;
        this.tasks = tasks;
        this.fleet = fleet;
        this.document = document;
        this.customers = customers;
        this.viewer = currentViewer.get();
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        planId = event.getRouteParameters().getLong("id").orElse(-1L);
        load();
    }

    private void load() {
        removeAll();
        PlanDetails p;
        try {
            p = plans.get(viewer, planId);
        } catch (BusinessException e) { // not the error handler's note: the page itself says the plan is not there
            Paragraph missing = new Paragraph(getTranslation("error.plan-not-found", Long.toString(planId)));
            missing.setId("plan-not-found");
            add(missing);
            return;
        }
        H2 title = new H2(p.title());
        title.setId("plan-heading");
        status.setText(getTranslation("plan.status." + p.status()) + " · " + getTranslation("plan.revision") + " "
                + p.revision());
        status.setId("plan-status");
        status.getElement().getThemeList().add("badge");
        Span who = new Span(p.customerName() + " (" + p.accountNo() + ") · "
                + PlanFormats.period(p.startsAt(), p.endsAt()));
        HorizontalLayout header = new HorizontalLayout(title, status, who);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, actionBar(p));

        form = new PlanContentForm();
        List<LineDetails> customerLines = customers.get(viewer, p.customerId()).lines();
        form.edit(p, customerLines);
        form.addSaveListener(e -> {
            plans.update(viewer, planId, e.draft());
            Notices.success(getTranslation("common.saved"));
            load();
        });
        taskPanel = new PlanTasksPanel(tasks, viewer, p, () -> { });
        bookingPanel = new PlanBookingsPanel(fleet, viewer, p, p.writable());
        TabSheet tabs = new TabSheet();
        tabs.add(getTranslation("plan.tab.content"), form);
        tabs.add(getTranslation("plan.tasks"), taskPanel);
        tabs.add(getTranslation("plan.bookings"), bookingPanel);
        tabs.add(getTranslation("plan.history"), history(p.transitions()));
        tabs.setSizeFull();
        add(tabs);
    }

    private HorizontalLayout actionBar(PlanDetails p) {
        actions.removeAll();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        if (!p.actions().isEmpty()) {
            comment.setPlaceholder(getTranslation("plan.comment"));
            comment.setId("plan-comment");
            actions.add(comment);
        }
        for (PlanAction a : PlanAction.values()) {
            if (p.actions().contains(a)) {
                Button b = new Button(getTranslation("plan.action." + a), e -> step(a));
                b.setId("plan-" + a.name().toLowerCase());
                if (a != PlanAction.REJECT) {
                    b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                }
                actions.add(b);
            }
        }
        if (p.revisable()) {
            Button revise = new Button(getTranslation("plan.revise"), VaadinIcon.COPY.create(), e -> revise());
            revise.setId("plan-revise");
            actions.add(revise);
        }
        DownloadHandler docx = event -> {
            event.setFileName(SupplyPlanDocument.fileName(p));
            event.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            event.getOutputStream().write(document.write(viewer, p.id(), getLocale()));
        };
        Anchor download = new Anchor(docx, "");
        download.add(new Button(getTranslation("plan.download-docx"), VaadinIcon.FILE_TEXT.create()));
        download.setId("plan-docx");
        actions.add(download);
        return actions;
    }

    private void step(PlanAction action) {
        plans.transition(viewer, planId, action, comment.getValue());
        comment.clear(); // the comment belongs to the step just taken
        Notices.success(getTranslation("plan.action-done." + action));
        load();
    }

    private void revise() {
        PlanDetails next = plans.revise(viewer, planId);
        getUI().ifPresent(ui -> ui.navigate("plans/" + next.id()));
    }

    private Grid<Transition> history(List<Transition> transitions) {
        Grid<Transition> grid = new Grid<>();
        grid.setId("plan-history");
        grid.addColumn(t -> PlanFormats.time(t.at())).setHeader(getTranslation("plan.when")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("plan.action." + t.action())).setHeader(getTranslation("plan.action"));
        grid.addColumn(t -> getTranslation("plan.status." + t.toStatus())).setHeader(getTranslation("plan.status"));
        grid.addColumn(Transition::actor).setHeader(getTranslation("plan.who"));
        grid.addColumn(Transition::comment).setHeader(getTranslation("plan.comment")).setFlexGrow(2);
        grid.setItems(transitions.reversed());
        return grid;
    }
}
