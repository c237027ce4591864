package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.supplyplan.BookingDetails;
import cn.keyaccount.supplyplan.FleetSchedule;
import cn.keyaccount.supplyplan.FleetService;
import cn.keyaccount.supplyplan.TruckDetails;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The fleet calendar: one row per generator truck, one column per day for two weeks, naming the plans holding it. */
@Route("fleet")
@PageTitle("fleet.menu")
@Menu(title = "fleet.menu", order = 41, icon = "vaadin:truck")
@RolesAllowed(Roles.STAFF)
class FleetView extends VerticalLayout {

    static final int DAYS = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd E");

    private final FleetService fleet;
    private final Viewer viewer;
    final DatePicker from = new DatePicker();
    final Grid<TruckDetails> calendar = new Grid<>();
    private List<BookingDetails> bookings = List.of();

    final Button addTruck = new Button();
    TruckForm truckForm;

    private final Clock clock;

    FleetView(Clock clock, FleetService fleet, FleetSchedule schedule, OrgService org, CurrentViewer currentViewer) {
        this.clock = clock;
        this.fleet = fleet;
        this.viewer = currentViewer.get();
        setSizeFull();
        from.setLabel(getTranslation("fleet.from"));
        from.setId("fleet-from");
        from.setValue(LocalDate.now(clock));
        from.addValueChangeListener(e -> refresh());
        DownloadHandler xlsx = event -> {
            event.setFileName("fleet-schedule-" + from.getValue() + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            schedule.write(viewer, from.getValue(), DAYS, getLocale(), event.getOutputStream());
        };
        Anchor export = new Anchor(xlsx, "");
        export.add(new Button(getTranslation("common.export"), VaadinIcon.DOWNLOAD.create()));
        export.setId("fleet-export");
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> shift(-DAYS));
        previous.setId("fleet-previous");
        previous.setAriaLabel(getTranslation("fleet.previous"));
        previous.setTooltipText(getTranslation("fleet.previous"));
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> shift(DAYS));
        next.setId("fleet-next");
        next.setAriaLabel(getTranslation("fleet.next"));
        next.setTooltipText(getTranslation("fleet.next"));
        Button today = new Button(getTranslation("fleet.today"), e -> from.setValue(LocalDate.now(clock)));
        today.setId("fleet-today");
        HorizontalLayout bar = new HorizontalLayout(from, previous, today, next, export);
        bar.setWrap(true);
        if (viewer.isAdmin() || viewer.isSupervisor()) {
            addTruck.setText(getTranslation("fleet.truck-new"));
            addTruck.setIcon(VaadinIcon.PLUS.create());
            addTruck.setId("fleet-add-truck");
            addTruck.addClickListener(e -> openTruckForm(org.all().stream()
                    .filter(u -> viewer.isAdmin() || u.path().startsWith(viewer.unitPath())).toList()));
            bar.add(addTruck);
        }
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        calendar.setId("fleet-calendar");
        calendar.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        calendar.setSizeFull();
        add(bar, calendar);
        refresh();
    }

    void refresh() {
        LocalDate start = from.getValue() == null ? LocalDate.now(clock) : from.getValue();
        OffsetDateTime begin = start.atStartOfDay(PlanFormats.ZONE).toOffsetDateTime();
        bookings = fleet.schedule(viewer, begin, begin.plusDays(DAYS));
        calendar.removeAllColumns();
        // fixed widths everywhere, so that each day's header stands exactly over its cells
        calendar.addColumn(t -> t.label()).setHeader(getTranslation("plan.truck")).setFrozen(true).setWidth("16rem")
                .setFlexGrow(0).setTooltipGenerator(TruckDetails::label);
        calendar.addColumn(TruckDetails::unitName).setHeader(getTranslation("fleet.unit")).setWidth("9rem")
                .setFlexGrow(0).setTooltipGenerator(TruckDetails::unitName);
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = start.plusDays(d);
            calendar.addColumn(t -> cell(t, day)).setHeader(day.format(DAY.withLocale(getLocale())))
                    .setWidth("9rem").setFlexGrow(0)
                    .setTooltipGenerator(t -> FleetSchedule.onDay(bookings, t.id(), day))
                    .setPartNameGenerator(t -> FleetSchedule.onDay(bookings, t.id(), day).isEmpty() ? null
                            : cell(t, day).isEmpty() ? "fleet-booked fleet-continued" : "fleet-booked");
        }
        calendar.setItems(fleet.trucks());
    }

    private void openTruckForm(List<cn.keyaccount.org.UnitDetails> units) {
        truckForm = new TruckForm(units);
        truckForm.addSaveListener(e -> {
            fleet.addTruck(viewer, e.draft());
            truckForm.close();
            Notices.success(getTranslation("common.saved"));
            refresh();
        });
        truckForm.open();
    }

    private void shift(int days) {
        from.setValue((from.getValue() == null ? LocalDate.now(clock) : from.getValue()).plusDays(days));
    }

    /**
     * The text of a truck's cell on a day: the plans whose booking begins that day, or that are already running on
     * the first day shown. A booking's later days are shaded only (the name once per span; the tooltip names all).
     */
    String cell(TruckDetails truck, LocalDate day) {
        LocalDate first = from.getValue() == null ? LocalDate.now(clock) : from.getValue();
        OffsetDateTime dayStart = day.atStartOfDay(PlanFormats.ZONE).toOffsetDateTime();
        OffsetDateTime dayEnd = dayStart.plusDays(1);
        return bookings.stream().filter(b -> b.truckId() == truck.id() && b.startsAt().isBefore(dayEnd)
                        && b.endsAt().isAfter(dayStart))
                .filter(b -> day.equals(first) || !b.startsAt().isBefore(dayStart))
                .map(BookingDetails::planTitle).distinct().collect(Collectors.joining("; "));
    }
}
