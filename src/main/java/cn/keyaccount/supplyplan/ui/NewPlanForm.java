package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.supplyplan.EventType;
import cn.keyaccount.supplyplan.PlanLevel;
import cn.keyaccount.supplyplan.PlanRow;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Starts a plan: customer, event, level and period, from the event type's template or as a copy of one of the
 * customer's earlier plans. Publishes create and cancel; the view calls the service.
 */
class NewPlanForm extends VerticalLayout implements ShowsFieldErrors {

    /** What the manager chose; {@code copyOf} is an earlier plan to copy, else the template is used. */
    record NewPlan(Long customerId, EventType eventType, String eventName, PlanLevel level, OffsetDateTime startsAt,
                   OffsetDateTime endsAt, Long copyOf) {
    }

    static final class CreateEvent extends ComponentEvent<NewPlanForm> {
        private final NewPlan plan;

        CreateEvent(NewPlanForm source, NewPlan plan) {
            super(source, false);
            this.plan = plan;
        }

        NewPlan plan() {
            return plan;
        }
    }

    static final class CancelEvent extends ComponentEvent<NewPlanForm> {
        CancelEvent(NewPlanForm source) {
            super(source, false);
        }
    }

    final ComboBox<CustomerRow> customer = new ComboBox<>();
    final Select<EventType> eventType = new Select<>();
    final TextField eventName = new TextField();
    final Select<PlanLevel> level = new Select<>();
    final DateTimePicker startsAt = new DateTimePicker();
    final DateTimePicker endsAt = new DateTimePicker();
    final ComboBox<PlanRow> copyOf = new ComboBox<>();
    final Button create = new Button();

    /**
     * @param customers a page of the customers the viewer may write plans for, by search text, offset and limit
     * @param earlierPlans the plans of a customer, to copy from
     */
    NewPlanForm(Clock clock, BiFunction<String, Integer, List<CustomerRow>> customers, Function<Long, List<PlanRow>> earlierPlans) {
        customer.setLabel(getTranslation("plan.customer"));
        customer.setId("new-plan-customer");
        customer.setItemLabelGenerator(c -> c.accountNo() + " " + c.name());
        customer.setItems(query -> customers.apply(query.getFilter().orElse(""), query.getOffset())
                .stream().limit(query.getLimit()));
        customer.addValueChangeListener(e -> copyOf.setItems(e.getValue() == null ? List.of()
                : earlierPlans.apply(e.getValue().id())));
        eventType.setLabel(getTranslation("plan.event-type"));
        eventType.setItems(EventType.values());
        eventType.setItemLabelGenerator(t -> getTranslation("plan.event." + t));
        eventType.setValue(EventType.POLITICAL);
        eventName.setLabel(getTranslation("plan.event"));
        eventName.setId("new-plan-event");
        level.setLabel(getTranslation("plan.level"));
        level.setItems(PlanLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("plan.level." + l));
        level.setValue(PlanLevel.FIRST);
        startsAt.setLabel(getTranslation("plan.from"));
        endsAt.setLabel(getTranslation("plan.to"));
        startsAt.setValue(LocalDate.now(clock).plusDays(14).atTime(8, 0));
        endsAt.setValue(LocalDate.now(clock).plusDays(16).atTime(18, 0));
        copyOf.setLabel(getTranslation("plan.copy-of"));
        copyOf.setHelperText(getTranslation("plan.copy-of-help"));
        copyOf.setItemLabelGenerator(p -> p.title() + " · " + PlanFormats.time(p.startsAt()));
        copyOf.setClearButtonVisible(true);
        create.setText(getTranslation("plan.create"));
        create.setId("new-plan-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> fireEvent(new CreateEvent(this, new NewPlan(
                customer.getValue() == null ? null : customer.getValue().id(), eventType.getValue(),
                eventName.getValue(), level.getValue(), PlanFormats.offset(startsAt.getValue()),
                PlanFormats.offset(endsAt.getValue()), copyOf.getValue() == null ? null : copyOf.getValue().id()))));
        Button cancel = new Button(getTranslation("common.cancel"), e -> fireEvent(new CancelEvent(this)));
        FormLayout fields = new FormLayout(customer, eventType, eventName, level, startsAt, endsAt, copyOf);
        fields.setColspan(customer, 2);
        fields.setColspan(copyOf, 2);
        add(fields, new HorizontalLayout(create, cancel));
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("customerId", customer, "eventType", eventType, "eventName", eventName,
                "level", level, "startsAt", startsAt, "endsAt", endsAt), "plan.field.");
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }
}
