package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.supplyplan.CriticalLoad;
import cn.keyaccount.supplyplan.Duty;
import cn.keyaccount.supplyplan.EmergencyResource;
import cn.keyaccount.supplyplan.EventType;
import cn.keyaccount.supplyplan.Party;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanDraft;
import cn.keyaccount.supplyplan.PlanLevel;
import cn.keyaccount.supplyplan.RiskPoint;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The content of a plan: event, period, level, lines and sources, loads, risks, resources, duties. Publishes save. */
class PlanContentForm extends VerticalLayout implements ShowsFieldErrors {

    static final class SaveEvent extends ComponentEvent<PlanContentForm> {
        private final PlanDraft draft;

        SaveEvent(PlanContentForm source, PlanDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        PlanDraft draft() {
            return draft;
        }
    }

    final TextField title = new TextField();
    final TextField eventName = new TextField();
    final Select<EventType> eventType = new Select<>();
    final Select<PlanLevel> level = new Select<>();
    final DateTimePicker startsAt = new DateTimePicker();
    final DateTimePicker endsAt = new DateTimePicker();
    final MultiSelectComboBox<LineDetails> lines = new MultiSelectComboBox<>();
    final TextArea supplySources = new TextArea();
    final RowsEditor<CriticalLoad> loads;
    final RowsEditor<RiskPoint> risks;
    final RowsEditor<EmergencyResource> resources;
    final RowsEditor<Duty> duties;
    final Button save = new Button();
    private PlanDetails plan;

    PlanContentForm() {
        setPadding(false);
        title.setLabel(getTranslation("plan.title"));
        title.setId("plan-title");
        eventName.setLabel(getTranslation("plan.event"));
        eventType.setLabel(getTranslation("plan.event-type"));
        eventType.setItems(EventType.values());
        eventType.setItemLabelGenerator(t -> getTranslation("plan.event." + t));
        level.setLabel(getTranslation("plan.level"));
        level.setItems(PlanLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("plan.level." + l));
        startsAt.setLabel(getTranslation("plan.from"));
        endsAt.setLabel(getTranslation("plan.to"));
        lines.setLabel(getTranslation("plan.lines"));
        lines.setItemLabelGenerator(LineDetails::label);
        supplySources.setLabel(getTranslation("plan.supply-sources"));
        FormLayout basics = new FormLayout(title, eventName, eventType, level, startsAt, endsAt, lines, supplySources);
        basics.setColspan(title, 2);
        basics.setColspan(supplySources, 2);
        basics.setColspan(lines, 2);
        loads = new RowsEditor<>(getTranslation("plan.loads"), List.of(
                RowsEditor.Column.text(getTranslation("plan.load-name"), CriticalLoad::name),
                RowsEditor.Column.text(getTranslation("plan.load-kw"),
                        l -> l.loadKw() == null ? "" : l.loadKw().toPlainString()),
                RowsEditor.Column.text(getTranslation("plan.note"), CriticalLoad::note)),
                v -> new CriticalLoad(v.get(0), decimal(v.get(1)), v.get(2)));
        risks = new RowsEditor<>(getTranslation("plan.risks"), List.of(
                RowsEditor.Column.text(getTranslation("plan.risk"), RiskPoint::risk),
                RowsEditor.Column.text(getTranslation("plan.measure"), RiskPoint::measure)),
                v -> new RiskPoint(v.get(0), v.get(1)));
        resources = new RowsEditor<>(getTranslation("plan.resources"), List.of(
                new RowsEditor.Column<>(getTranslation("plan.resource-kind"), r -> r.kind().name(),
                        names(EmergencyResource.Kind.values()), k -> getTranslation("plan.resource." + k)),
                RowsEditor.Column.text(getTranslation("plan.resource-name"), EmergencyResource::name),
                RowsEditor.Column.text(getTranslation("plan.quantity"), EmergencyResource::quantity),
                RowsEditor.Column.text(getTranslation("plan.location"), EmergencyResource::location)),
                v -> new EmergencyResource(EmergencyResource.Kind.valueOf(v.get(0)), v.get(1), v.get(2), v.get(3)));
        duties = new RowsEditor<>(getTranslation("plan.duties"), List.of(
                new RowsEditor.Column<>(getTranslation("plan.party"), d -> d.party().name(), names(Party.values()),
                        p -> getTranslation("plan.party." + p)),
                new RowsEditor.Column<>(getTranslation("plan.escalation"), d -> String.valueOf(d.escalation()),
                        List.of("1", "2", "3", "4", "5"), s -> s),
                RowsEditor.Column.text(getTranslation("plan.person"), Duty::person),
                RowsEditor.Column.text(getTranslation("plan.role"), Duty::role),
                RowsEditor.Column.text(getTranslation("plan.mobile"), Duty::mobile),
                RowsEditor.Column.text(getTranslation("plan.shift"), Duty::shift)),
                v -> new Duty(Party.valueOf(v.get(0)), Integer.parseInt(v.get(1)), v.get(2), v.get(3), v.get(4),
                        v.get(5)));
        save.setText(getTranslation("common.save"));
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            // a load in kW that is not a number is marked at its cell instead of being dropped
            if (!loads.markInvalid(1, PlanContentForm::isDecimal, getTranslation("plan.load-kw-invalid"))) {
                fireEvent(new SaveEvent(this, draft()));
            }
        });
        add(basics, loads, risks, resources, duties, save);
    }

    void edit(PlanDetails p, List<LineDetails> customerLines) {
        this.plan = p;
        boolean editable = p.editable();
        title.setValue(p.title());
        eventName.setValue(p.eventName());
        eventType.setValue(p.eventType());
        level.setValue(p.level());
        startsAt.setValue(p.startsAt().atZoneSameInstant(PlanFormats.ZONE).toLocalDateTime());
        endsAt.setValue(p.endsAt().atZoneSameInstant(PlanFormats.ZONE).toLocalDateTime());
        Set<LineDetails> choices = new LinkedHashSet<>(customerLines);
        choices.addAll(p.lines());
        lines.setItems(choices);
        lines.setValue(new LinkedHashSet<>(p.lines()));
        supplySources.setValue(p.supplySources());
        loads.setRows(p.loads(), editable);
        risks.setRows(p.risks(), editable);
        resources.setRows(p.resources(), editable);
        duties.setRows(p.duties(), editable);
        for (var field : List.of(title, eventName, supplySources)) {
            field.setReadOnly(!editable);
        }
        eventType.setReadOnly(!editable);
        level.setReadOnly(!editable);
        startsAt.setReadOnly(!editable);
        endsAt.setReadOnly(!editable);
        lines.setReadOnly(!editable);
        save.setVisible(editable);
    }

    PlanDraft draft() {
        return new PlanDraft(plan.customerId(), title.getValue(), eventType.getValue(), eventName.getValue(),
                level.getValue(), PlanFormats.offset(startsAt.getValue()), PlanFormats.offset(endsAt.getValue()),
                supplySources.getValue(), lines.getValue().stream().map(LineDetails::id).toList(), loads.getRows(),
                risks.getRows(), resources.getRows(), duties.getRows(), plan.version());
    }

    /** Marks the plan's fields; a refused list of rows (loads, risks, …) is named in the note. */
    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("title", title, "eventName", eventName, "eventType", eventType,
                "level", level, "startsAt", startsAt, "endsAt", endsAt, "supplySources", supplySources),
                "plan.field.");
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
    }

    private static boolean isDecimal(String s) {
        try {
            return s.isBlank() || new BigDecimal(s.trim()).signum() >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
