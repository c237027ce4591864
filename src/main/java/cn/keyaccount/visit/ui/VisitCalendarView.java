package cn.keyaccount.visit.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.visit.PlanResult;
import cn.keyaccount.visit.VisitDates;
import cn.keyaccount.visit.VisitPlanningService;
import cn.keyaccount.visit.VisitQuery;
import cn.keyaccount.visit.VisitReminders;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.base.BusinessException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * 走访日历: a manager's visits (a supervisor's or scheduler's team, filtered by manager) as a list, a week or a
 * month. Overdue visits are red; a visit opens to be moved, confirmed, cancelled or recorded. Managers also see
 * tomorrow's visits, customers' reschedule requests and their private calendar-feed link.
 */
@Route("visits")
@PageTitle("visit.menu.calendar")
@Menu(title = "visit.menu.calendar", order = 30, icon = "vaadin:calendar")
@RolesAllowed(Roles.STAFF)
class VisitCalendarView extends VerticalLayout implements BeforeEnterObserver {

    enum Mode { LIST, WEEK, MONTH }

    static final int BOARD_LIMIT = 3000;

    private final VisitService visits;
    private final VisitPlanningService planning;
    private final CustomerService customers;
    private final WorkCalendarSource calendars;
    private final CurrentViewer currentViewer;
    private final Viewer viewer;

    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    final ComboBox<UserSummary> managerFilter = new ComboBox<>();
    final Select<VisitQuery.Show> show = new Select<>();
    final Span period = new Span();
    final Span coverage = new Span();
    final Button plan = new Button();
    final Button add = new Button();
    final Grid<VisitRow> list = new Grid<>();
    final Div board = new Div();
    final NarrowScreen narrow = NarrowScreen.of(this);
    LocalDate anchor;
    VisitDialog openDialog;

    VisitCalendarView(VisitService visits, VisitPlanningService planning, VisitReminders reminders,
                      CustomerService customers, UserService users, WorkCalendarSource calendars,
                      cn.keyaccount.visit.VisitFeed feed, CurrentViewer currentViewer) {
        this.visits = visits;
        this.anchor = visits.today();
        this.planning = planning;
        this.customers = customers;
        this.calendars = calendars;
        this.currentViewer = currentViewer;
        this.viewer = currentViewer.get();
        setSizeFull();
        if (viewer.isManager()) {
            add(new ManagerPanel(reminders, feed, viewer, this::openVisit, this::showRequests));
        }
        add(toolbar(users), coverage, list, board);
        configureList();
        coverage.setId("visit-calendar-coverage");
        coverage.getStyle().set("color", "var(--lumo-error-text-color)");
        mode.setValue(viewer.isManager() ? Mode.WEEK : Mode.LIST);
    }

    private HorizontalLayout toolbar(UserService users) {
        mode.setId("visit-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("visit.mode." + m));
        mode.addValueChangeListener(e -> refresh());
        Button prev = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> shift(-1));
        prev.setId("visit-prev");
        Button today = new Button(getTranslation("visit.today"), e -> {
            anchor = visits.today();
            refresh();
        });
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> shift(1));
        next.setId("visit-next");
        period.setId("visit-period");
        managerFilter.setId("visit-manager-filter");
        managerFilter.setPlaceholder(getTranslation("visit.all-managers"));
        managerFilter.setClearButtonVisible(true);
        managerFilter.setItemLabelGenerator(UserSummary::displayName);
        managerFilter.setVisible(!viewer.isManager());
        if (!viewer.isManager()) {
            managerFilter.setItems(users.managers(viewer));
        }
        managerFilter.addValueChangeListener(e -> refresh());
        show.setId("visit-show");
        show.setItems(VisitQuery.Show.values());
        show.setItemLabelGenerator(s -> getTranslation("visit.show." + s));
        show.setValue(VisitQuery.Show.ALL);
        show.addValueChangeListener(e -> refresh());
        plan.setText(getTranslation("visit.plan"));
        plan.setId("visit-plan");
        plan.setVisible(!viewer.is(Role.SCHEDULER));
        plan.addClickListener(e -> replan());
        add.setText(getTranslation("visit.new"));
        add.setId("visit-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(!viewer.is(Role.SCHEDULER));
        add.addClickListener(e -> new NewVisitDialog(visits, customers, currentViewer::get, anchor, this::refresh)
                .open());
        HorizontalLayout filters = new HorizontalLayout(managerFilter, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        Div folded = narrow.foldable(filters);
        folded.setWidth(null); // in the toolbar's line at desktop width
        HorizontalLayout bar = new HorizontalLayout(mode, prev, today, next, period, folded, plan, add);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.setWidthFull();
        return bar;
    }

    private void configureList() {
        list.setId("visit-list");
        list.addColumn(VisitUi::when).setHeader(getTranslation("visit.date")).setAutoWidth(true);
        list.addColumn(VisitRow::customerName).setHeader(getTranslation("visit.customer")).setFlexGrow(3)
                .setWidth("14rem").setTooltipGenerator(VisitRow::customerName);
        list.addColumn(VisitRow::managerName).setHeader(getTranslation("visit.manager")).setAutoWidth(true);
        list.addColumn(VisitUi::type).setHeader(getTranslation("visit.type")).setAutoWidth(true);
        list.addColumn(VisitUi::status).setHeader(getTranslation("visit.status")).setAutoWidth(true);
        list.addColumn(v -> v.customerResponse() == cn.keyaccount.visit.CustomerResponse.NONE ? ""
                : getTranslation("visit.response." + v.customerResponse()))
                .setHeader(getTranslation("visit.customer-response")).setAutoWidth(true);
        list.addColumn(VisitRow::openTasks).setHeader(getTranslation("visit.open-tasks")).setAutoWidth(true);
        list.setPartNameGenerator(v -> v.overdue() ? "visit-overdue" : null);
        narrow.cards(list, v -> NarrowScreen.card(v.customerName(), VisitUi.when(v), VisitUi.status(v),
                VisitUi.type(v), v.managerName()));
        list.setEmptyStateText(getTranslation("visit.none"));
        list.addItemClickListener(e -> openVisit(e.getItem().id()));
        list.setSizeFull();
    }

    private void shift(int direction) {
        anchor = switch (mode.getValue()) {
            case MONTH -> anchor.plusMonths(direction);
            case WEEK -> anchor.plusWeeks(direction);
            case LIST -> anchor.plusWeeks(4L * direction);
        };
        refresh();
    }

    void refresh() {
        Mode m = mode.getValue();
        LocalDate from = switch (m) {
            case MONTH -> anchor.withDayOfMonth(1);
            case WEEK, LIST -> anchor.with(DayOfWeek.MONDAY);
        };
        LocalDate to = switch (m) {
            case MONTH -> anchor.withDayOfMonth(anchor.lengthOfMonth());
            case WEEK -> from.plusDays(6);
            case LIST -> from.plusDays(89);
        };
        period.setText(VisitUi.DATE.format(from) + " – " + VisitUi.DATE.format(to));
        VisitQuery query = new VisitQuery(from, to, managerFilter.getValue() == null ? null
                : managerFilter.getValue().id(), null, null, show.getValue());
        WorkCalendar calendar = calendars.current();
        Set<Integer> uncovered = calendar.uncoveredYears(from, to);
        coverage.setText(uncovered.isEmpty() ? "" : getTranslation("visit.calendar-uncovered", VisitUi.years(uncovered)));
        coverage.setVisible(!uncovered.isEmpty());
        list.setVisible(m == Mode.LIST);
        board.setVisible(m != Mode.LIST);
        board.removeAll();
        board.setWidthFull();
        if (m == Mode.LIST) {
            list.setItems(q -> visits.list(currentViewer.get(), query, q.getOffset(), q.getLimit()).stream(),
                    q -> (int) visits.count(currentViewer.get(), query));
        } else {
            // a done visit sits on the day it was done, not on its planned day
            var rows = visits.list(viewer, query.asCalendar(), 0, BOARD_LIMIT);
            board.add(m == Mode.WEEK
                    ? CalendarBoard.week(from, rows, calendar, visits.today(), getLocale(), v -> openVisit(v.id()))
                    : CalendarBoard.month(YearMonth.from(anchor), rows, calendar, visits.today(), getLocale(), v -> openVisit(v.id())));
        }
    }

    /** A link from the workbench: {@code ?visit=<id>} opens that visit. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("visit").filter(id -> id.matches("\\d{1,18}"))
                .map(Long::parseLong).ifPresent(this::openVisit);
    }

    void openVisit(long id) {
        openDialog = new VisitDialog(visits, currentViewer::get, id, this::refresh);
        openDialog.open();
    }

    private void showRequests() {
        show.setValue(VisitQuery.Show.RESCHEDULE_REQUESTED);
        mode.setValue(Mode.LIST);
    }

    private void replan() {
        PlanResult r = planning.regenerateAll(viewer);
        String text = getTranslation("visit.planned", r.created(), r.kept(), r.unplaced());
        if (!r.uncoveredYears().isEmpty()) {
            text += " " + getTranslation("visit.calendar-uncovered", VisitUi.years(r.uncoveredYears()));
        }
        Notices.success(text);
        refresh();
    }
}
