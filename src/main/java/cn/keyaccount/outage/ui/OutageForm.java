package cn.keyaccount.outage.ui;

import cn.keyaccount.network.LineDetails;
import cn.keyaccount.outage.OutageDetails;
import cn.keyaccount.outage.OutageDraft;
import cn.keyaccount.outage.OutageKind;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The form of an outage: kind, title, reason, area, 台区, start, end, estimated restoration (faults), lines and whole
 * substations. It only publishes save and cancel events; the view calls the service.
 */
class OutageForm extends FormLayout {

    final Select<OutageKind> kind = new Select<>();
    final TextField title = new TextField();
    final TextArea reason = new TextArea();
    final TextField area = new TextField();
    final TextField transformerAreas = new TextField();
    final DateTimePicker start = new DateTimePicker();
    final DateTimePicker end = new DateTimePicker();
    final DateTimePicker restoration = new DateTimePicker();
    final MultiSelectComboBox<LineDetails> lines = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Long> substations = new MultiSelectComboBox<>();
    final Button save = new Button();
    private Long version;

    OutageForm(Function<String, Stream<LineDetails>> lineSearch, Map<Long, String> substationNames) {
        kind.setLabel(OutageUi.t("outage.kind"));
        kind.setItems(OutageKind.values());
        kind.setItemLabelGenerator(k -> OutageUi.t("outage.kind." + k));
        kind.setValue(OutageKind.PLANNED);
        kind.addValueChangeListener(e -> restoration.setVisible(e.getValue() == OutageKind.FAULT));
        title.setLabel(OutageUi.t("outage.title"));
        reason.setLabel(OutageUi.t("outage.reason"));
        area.setLabel(OutageUi.t("outage.area"));
        transformerAreas.setLabel(OutageUi.t("outage.transformer-areas"));
        start.setLabel(OutageUi.t("outage.starts-at"));
        end.setLabel(OutageUi.t("outage.ends-at"));
        restoration.setLabel(OutageUi.t("outage.restoration-at"));
        restoration.setVisible(false);
        lines.setLabel(OutageUi.t("outage.lines"));
        lines.setId("outage-lines");
        lines.setItemLabelGenerator(LineDetails::label);
        lines.setItems(DataProvider.fromFilteringCallbacks(
                q -> lineSearch.apply(q.getFilter().orElse("")).skip(q.getOffset()).limit(q.getLimit()),
                q -> (int) lineSearch.apply(q.getFilter().orElse("")).count()));
        substations.setLabel(OutageUi.t("outage.substations"));
        substations.setItems(List.copyOf(substationNames.keySet()));
        substations.setItemLabelGenerator(id -> substationNames.getOrDefault(id, String.valueOf(id)));
        save.setText(OutageUi.t("common.save"));
        save.setId("outage-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, draft())));
        Button cancel = new Button(OutageUi.t("common.cancel"), e -> fireEvent(new CancelEvent(this)));
        add(kind, title, reason, area, transformerAreas, start, end, restoration, lines, substations);
        setColspan(reason, 2);
        setColspan(lines, 2);
        add(new HorizontalLayout(save, cancel));
    }

    /** Fills the form from an outage being moved (kind fixed). */
    void edit(OutageDetails d) {
        version = d.version();
        kind.setValue(d.kind());
        kind.setReadOnly(true);
        title.setValue(d.title());
        reason.setValue(d.reason());
        area.setValue(d.area());
        transformerAreas.setValue(d.transformerAreas());
        start.setValue(local(d.startsAt()));
        end.setValue(local(d.endsAt()));
        restoration.setValue(local(d.restorationAt()));
        lines.setValue(d.lines());
        substations.setValue(d.substationIds());
    }

    OutageDraft draft() {
        return new OutageDraft(kind.getValue(), title.getValue(), reason.getValue(), area.getValue(),
                transformerAreas.getValue(), zoned(start.getValue()), zoned(end.getValue()),
                zoned(restoration.getValue()), null, lines.getValue().stream().map(LineDetails::id).toList(),
                List.copyOf(substations.getValue()), version);
    }

    private static LocalDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(OutageUi.ZONE).toLocalDateTime();
    }

    private static OffsetDateTime zoned(LocalDateTime t) {
        return t == null ? null : t.atZone(OutageUi.ZONE).toOffsetDateTime();
    }

    static class SaveEvent extends ComponentEvent<OutageForm> {
        private final OutageDraft draft;

        SaveEvent(OutageForm source, OutageDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        OutageDraft draft() {
            return draft;
        }
    }

    static class CancelEvent extends ComponentEvent<OutageForm> {
        CancelEvent(OutageForm source) {
            super(source, false);
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }
}
