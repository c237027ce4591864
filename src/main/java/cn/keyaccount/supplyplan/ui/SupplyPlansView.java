package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.supplyplan.DueTask;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanRow;
import cn.keyaccount.supplyplan.PlanStatus;
import cn.keyaccount.supplyplan.PlanTaskService;
import cn.keyaccount.supplyplan.SupplyPlanService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The plans the viewer may see (lazy, newest period first), filtered by status and text; the checklist tasks due in
 * the next 7 days (the in-app reminders); and, for writers, a new plan from a template or a copy of an earlier one.
 */
@Route("plans")
@PageTitle("plan.menu")
@Menu(title = "plan.menu", order = 40, icon = "vaadin:shield")
@RolesAllowed(Roles.STAFF)
class SupplyPlansView extends VerticalLayout implements BeforeEnterObserver {

    static final int REMINDER_DAYS = 7;
    /** How many due tasks the list below the plans shows. */
    static final int REMINDERS_SHOWN = 50;

    private final SupplyPlanService plans;
    private final CustomerService customers;
    private final Viewer viewer;
    final TextField search = new TextField();
    final Select<PlanStatus> status = new Select<>();
    final Grid<PlanRow> grid = new Grid<>();
    final Grid<DueTask> reminders = new Grid<>();
    NewPlanForm newPlanForm;
    final NarrowScreen narrow = NarrowScreen.of(this);

    private final Clock clock;

    SupplyPlansView(Clock clock, SupplyPlanService plans, PlanTaskService tasks, CustomerService customers,
                    CurrentViewer currentViewer) {
        this.clock = clock;
        this.plans = plans;
        this.customers = customers;
        this.viewer = currentViewer.get();
        setSizeFull();
        search.setPlaceholder(getTranslation("plan.search"));
        search.setId("plan-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("common.all"));
        status.setItems(PlanStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("common.all") : getTranslation("plan.status." + s));
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout bar = new HorizontalLayout(search, status);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        if (viewer.isManager() || viewer.isSupervisor() || viewer.isAdmin()) {
            Button create = new Button(getTranslation("plan.new"), VaadinIcon.PLUS.create(), e -> openNew());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("plan-new");
            bar.addComponentAsFirst(create);
        }
        grid.setId("plans");
        // one line per plan; the names take the room left, in full on hover
        grid.addColumn(PlanRow::title).setHeader(getTranslation("plan.title")).setFlexGrow(3).setWidth("14rem")
                .setTooltipGenerator(PlanRow::title);
        grid.addColumn(PlanRow::customerName).setHeader(getTranslation("plan.customer")).setFlexGrow(2)
                .setWidth("10rem").setTooltipGenerator(PlanRow::customerName);
        grid.addColumn(r -> getTranslation("plan.level." + r.level())).setHeader(getTranslation("plan.level"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> PlanFormats.period(r.startsAt(), r.endsAt())).setHeader(getTranslation("plan.period"))
                .setWidth("20rem").setFlexGrow(0);
        grid.addColumn(this::statusText).setHeader(getTranslation("plan.status")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> plans.list(viewer, filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) plans.count(viewer, filter()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("plans/" + e.getItem().id())));
        grid.setEmptyStateText(getTranslation("plan.none"));
        grid.setMinHeight("14em");
        narrow.cards(grid, r -> NarrowScreen.card(r.title(), r.customerName(), PlanFormats.period(r.startsAt(),
                r.endsAt()), getTranslation("plan.level." + r.level()), statusText(r)));

        LocalDate today = LocalDate.now(clock);
        reminders.setId("plan-reminders");
        reminders.addColumn(t -> t.dueOn().isBefore(today) ? t.dueOn() + " · " + getTranslation("plan.overdue")
                : t.dueOn().toString()).setHeader(getTranslation("plan.due")).setAutoWidth(true).setFlexGrow(0);
        reminders.addColumn(DueTask::title).setHeader(getTranslation("plan.task")).setFlexGrow(3)
                .setTooltipGenerator(DueTask::title);
        reminders.addColumn(DueTask::ownerName).setHeader(getTranslation("plan.owner")).setAutoWidth(true);
        reminders.addColumn(DueTask::planTitle).setHeader(getTranslation("plan.title")).setFlexGrow(2)
                .setTooltipGenerator(DueTask::planTitle);
        // overdue tasks first (the oldest first), marked red; then those falling due within the days
        reminders.setItems(tasks.dueFor(viewer, today.plusDays(REMINDER_DAYS), REMINDERS_SHOWN).stream()
                .sorted(Comparator.comparing((DueTask t) -> !t.dueOn().isBefore(today))
                        .thenComparing(DueTask::dueOn).thenComparing(DueTask::taskId)).toList());
        reminders.setPartNameGenerator(t -> t.dueOn().isBefore(today) ? "plan-task-overdue" : null);
        reminders.setEmptyStateText(getTranslation("plan.no-reminders"));
        reminders.setAllRowsVisible(true);
        reminders.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("plans/" + e.getItem().planId())));
        narrow.cards(reminders, t -> NarrowScreen.card(t.title(), t.dueOn().isBefore(today)
                ? t.dueOn() + " · " + getTranslation("plan.overdue") : t.dueOn().toString(), t.ownerName(),
                t.planTitle()));
        add(narrow.foldable(bar), grid, new H3(getTranslation("plan.reminders", REMINDER_DAYS)), reminders);
    }

    private String statusText(PlanRow r) {
        return getTranslation("plan.status." + r.status()) + (r.revision() > 1 ? " · r" + r.revision() : "");
    }


    /** A link from the workbench: {@code ?status=SUBMITTED} lists the plans waiting for approval. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("status")
                .flatMap(v -> Arrays.stream(PlanStatus.values()).filter(p -> p.name().equals(v)).findFirst())
                .ifPresent(status::setValue);
    }

    private SupplyPlanService.PlanFilter filter() {
        return new SupplyPlanService.PlanFilter(status.getValue(), null, search.getValue());
    }

    private void openNew() {
        Dialog dialog = new Dialog(getTranslation("plan.new"));
        newPlanForm = new NewPlanForm(clock,
                (text, offset) -> customers.search(viewer, new CustomerSearch(text, null, null, null, null, null),
                        CustomerSearch.Order.DEFAULT, offset, 50),
                customerId -> plans.ofCustomer(viewer, customerId));
        newPlanForm.addCancelListener(e -> dialog.close());
        newPlanForm.addCreateListener(e -> {
            NewPlanForm.NewPlan n = e.plan();
            PlanDetails created = n.copyOf() != null
                    ? plans.copy(viewer, n.copyOf(), n.eventName(), n.startsAt(), n.endsAt())
                    : plans.createFromTemplate(viewer, n.customerId(),
                    n.eventType(), n.eventName(), n.level(), n.startsAt(), n.endsAt());
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate("plans/" + created.id()));
        });
        dialog.add(newPlanForm);
        dialog.setWidth("44em");
        dialog.open();
    }
}
