package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.BookingRequest;
import cn.keyaccount.supplyplan.BookingDetails;
import cn.keyaccount.supplyplan.FleetService;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanStatus;
import cn.keyaccount.supplyplan.TruckDetails;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;

/** The generator trucks booked for a plan; a booking overlapping another plan's is refused, naming that plan. */
class PlanBookingsPanel extends VerticalLayout implements ShowsFieldErrors {

    private final FleetService fleet;
    private final Viewer viewer;
    private final long planId;
    final Grid<BookingDetails> grid = new Grid<>();
    final ComboBox<TruckDetails> truck = new ComboBox<>();
    final DateTimePicker from = new DateTimePicker();
    final DateTimePicker to = new DateTimePicker();
    final Button book = new Button();

    PlanBookingsPanel(FleetService fleet, Viewer viewer, PlanDetails plan, boolean writable) {
        this.fleet = fleet;
        this.viewer = viewer;
        this.planId = plan.id();
        setPadding(false);
        grid.setId("plan-bookings");
        grid.addColumn(b -> b.plate() + " " + b.truckName()).setHeader(getTranslation("plan.truck"));
        grid.addColumn(BookingDetails::ratedKw).setHeader(getTranslation("plan.rated-kw")).setAutoWidth(true);
        grid.addColumn(b -> PlanFormats.time(b.startsAt())).setHeader(getTranslation("plan.from"));
        grid.addColumn(b -> PlanFormats.time(b.endsAt())).setHeader(getTranslation("plan.to"));
        grid.addColumn(BookingDetails::note).setHeader(getTranslation("plan.note"));
        grid.setAllRowsVisible(true);
        boolean open = writable && plan.status().ordinal() <= PlanStatus.ACTIVE.ordinal();
        if (open) {
            grid.addComponentColumn(b -> {
                Button cancel = new Button(VaadinIcon.TRASH.create(), e -> {
                    fleet.cancel(viewer, planId, b.id());
                    refresh();
                });
                cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return cancel;
            }).setAutoWidth(true).setFlexGrow(0);
            truck.setId("booking-truck");
            truck.setPlaceholder(getTranslation("plan.truck"));
            truck.setItems(fleet.trucks());
            truck.setItemLabelGenerator(t -> t.label() + " · " + t.unitName());
            truck.setWidth("22em");
            from.setValue(plan.startsAt().atZoneSameInstant(PlanFormats.ZONE).toLocalDateTime());
            to.setValue(plan.endsAt().atZoneSameInstant(PlanFormats.ZONE).toLocalDateTime());
            book.setText(getTranslation("plan.book"));
            book.setId("booking-add");
            book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            book.addClickListener(e -> book());
            HorizontalLayout bar = new HorizontalLayout(truck, from, to, book);
            bar.setAlignItems(FlexComponent.Alignment.BASELINE);
            bar.setWrap(true);
            add(bar);
        }
        add(grid);
        refresh();
    }

    private void book() {
        fleet.book(viewer, planId, new BookingRequest(truck.getValue() == null ? null : truck.getValue().id(),
                PlanFormats.offset(from.getValue()), PlanFormats.offset(to.getValue()), ""));
        Notices.success(getTranslation("plan.booked"));
        refresh();
    }

    void refresh() {
        grid.setItems(fleet.bookingsOf(viewer, planId));
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("truckId", truck, "startsAt", from, "endsAt", to), "plan.field.");
    }
}
