package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationKind;
import cn.keyaccount.application.ApplicationRow;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
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

/**
 * The applications the viewer may see, overdue first (lazy, paged in SQL), with search, kind and open/overdue
 * filters; a row opens the application. {@code ?overdue=true} (the workbench's link) shows the overdue ones, {@code ?kind=slug} (the
 * dashboard's drill-down) all of one kind.
 */
@Route("applications")
@PageTitle("application.page-title")
@Menu(title = "application.menu", order = 42, icon = "vaadin:connect")
@RolesAllowed(Roles.ACCOUNT_STAFF)
class ApplicationsView extends VerticalLayout implements BeforeEnterObserver {

    private final ApplicationService applications;
    private final Viewer viewer;
    final TextField search = new TextField();
    final Select<ApplicationKind> kind = new Select<>();
    final Checkbox openOnly = new Checkbox();
    final Checkbox overdueOnly = new Checkbox();
    final Grid<ApplicationRow> grid = new Grid<>();
    final NarrowScreen narrow = NarrowScreen.of(this);

    ApplicationsView(ApplicationService applications, CurrentViewer currentViewer) {
        this.applications = applications;
        this.viewer = currentViewer.get();
        setSizeFull();
        search.setPlaceholder(getTranslation("application.search"));
        search.setId("application-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("common.all"));
        kind.setItems(ApplicationKind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("common.all")
                : getTranslation("application.kind." + k));
        kind.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        openOnly.setLabel(getTranslation("application.only-open"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        overdueOnly.setLabel(getTranslation("application.only-overdue"));
        overdueOnly.setId("application-overdue-only");
        overdueOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button(getTranslation("application.new"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("applications/new")));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("application-new");
        HorizontalLayout bar = new HorizontalLayout(create, search, kind, openOnly, overdueOnly);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        grid.setId("applications");
        grid.addColumn(ApplicationRow::number).setHeader(getTranslation("application.number")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ApplicationRow::customerName).setHeader(getTranslation("application.customer"))
                .setFlexGrow(2).setWidth("10rem").setTooltipGenerator(ApplicationRow::customerName);
        grid.addColumn(r -> getTranslation("application.kind." + r.kind())).setHeader(
                getTranslation("application.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::stepText).setHeader(getTranslation("application.current-step")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("application.used-days", r.usedDays(), r.limitDays()))
                .setHeader(getTranslation("application.used")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.dueOn() == null ? "" : r.dueOn().toString())
                .setHeader(getTranslation("application.due-on")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApplicationRow::handlerName).setHeader(getTranslation("application.handler"))
                .setAutoWidth(true);
        grid.setPartNameGenerator(r -> r.overdue() ? "application-overdue" : null);
        grid.setItems(q -> applications.list(viewer, filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) applications.count(viewer, filter()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("applications/" + e.getItem().id())));
        grid.setEmptyStateText(getTranslation("application.none"));
        narrow.cards(grid, r -> NarrowScreen.card(r.number() + " · " + r.customerName(),
                getTranslation("application.kind." + r.kind()), stepText(r),
                getTranslation("application.used-days", r.usedDays(), r.limitDays())));
        add(narrow.foldable(bar), grid);
    }

    /** The current step, or the status once closed; overdue and waiting said in words. */
    String stepText(ApplicationRow r) {
        String text = r.currentStep() == null ? getTranslation("application.status." + r.status())
                : getTranslation("application.step." + r.currentStep());
        if (r.overdue()) {
            text += " · " + getTranslation("application.overdue");
        } else if (r.status() == cn.keyaccount.application.ApplicationStatus.WAITING) {
            text += " · " + getTranslation("application.status.WAITING");
        }
        return text;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("overdue")
                .ifPresent(v -> overdueOnly.setValue("true".equals(v)));
        event.getLocation().getQueryParameters().getSingleParameter("kind").map(ApplicationKind::fromSlug)
                .ifPresent(k -> {
                    kind.setValue(k);
                    openOnly.setValue(false);
                });
    }

    private ApplicationService.ApplicationFilter filter() {
        return new ApplicationService.ApplicationFilter(null, kind.getValue(), null, search.getValue(),
                openOnly.getValue(), overdueOnly.getValue());
    }
}
