package cn.keyaccount.energy.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.energy.TariffDetails;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A new tariff version: where and from when it applies, its prices and its seasons, one season a line
 * ("夏季 | 7,8 | 23:00-07:00 谷; 10:00-13:00 峰"). Publishes save and cancel events; marks the fields a service rejected.
 */
class TariffForm extends VerticalLayout implements ShowsFieldErrors {

    final TextField province = new TextField();
    final TextField voltageClass = new TextField();
    final TextField name = new TextField();
    final TextField source = new TextField();
    final DatePicker validFrom = new DatePicker();
    final DatePicker validTo = new DatePicker();
    final BigDecimalField criticalPeak = new BigDecimalField();
    final BigDecimalField peak = new BigDecimalField();
    final BigDecimalField flat = new BigDecimalField();
    final BigDecimalField valley = new BigDecimalField();
    final BigDecimalField deepValley = new BigDecimalField();
    final BigDecimalField capacityPrice = new BigDecimalField();
    final BigDecimalField demandPrice = new BigDecimalField();
    final TextArea seasons = new TextArea();
    final Div errors = new Div();
    private final Map<String, HasValidation> byName;

    TariffForm() {
        setPadding(false);
        byName = Map.ofEntries(Map.entry("province", province), Map.entry("voltageClass", voltageClass),
                Map.entry("name", name), Map.entry("source", source), Map.entry("validFrom", validFrom),
                Map.entry("validTo", validTo), Map.entry("criticalPeak", criticalPeak), Map.entry("peak", peak),
                Map.entry("flat", flat), Map.entry("valley", valley), Map.entry("deepValley", deepValley),
                Map.entry("capacityPrice", capacityPrice), Map.entry("demandPrice", demandPrice),
                Map.entry("seasons", seasons));
        byName.forEach((key, field) -> ((com.vaadin.flow.component.HasLabel) field)
                .setLabel(getTranslation("energy.tariff." + key)));
        seasons.setHelperText(getTranslation("energy.tariff.seasons-help"));
        seasons.setWidthFull();
        seasons.setMinHeight("8em");
        errors.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(province, voltageClass, name, source, validFrom, validTo, criticalPeak, peak,
                flat, valley, deepValley, capacityPrice, demandPrice);
        Button save = new Button(getTranslation("energy.profile.save"), e -> fireEvent(new SaveEvent(this, draft())));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("tariff-save");
        Button cancel = new Button(getTranslation("energy.upload.close"), e -> fireEvent(new CancelEvent(this)));
        add(form, seasons, errors, new HorizontalLayout(save, cancel));
    }

    /** Starts from a copy of an existing version (a new version usually changes prices or a few bands). */
    void edit(TariffDetails from) {
        clearErrors();
        province.setValue(from == null ? "" : from.province());
        voltageClass.setValue(from == null ? "1-10kV" : from.voltageClass());
        name.setValue(from == null ? "" : from.name());
        source.setValue(from == null ? "" : from.source());
        validFrom.setValue(null);
        validTo.setValue(null);
        criticalPeak.setValue(from == null ? null : from.criticalPeak());
        peak.setValue(from == null ? null : from.peak());
        flat.setValue(from == null ? null : from.flat());
        valley.setValue(from == null ? null : from.valley());
        deepValley.setValue(from == null ? null : from.deepValley());
        capacityPrice.setValue(from == null ? null : from.capacityPrice());
        demandPrice.setValue(from == null ? null : from.demandPrice());
        List<String> lines = new ArrayList<>();
        if (from != null) {
            for (TariffDetails.SeasonDetails s : from.seasons()) {
                lines.add(s.name() + " | " + s.months() + " | " + TariffTexts.editable(s.bands(), getLocale()));
            }
        }
        seasons.setValue(String.join("\n", lines));
    }

    TariffDetails draft() {
        List<TariffDetails.SeasonDetails> list = new ArrayList<>();
        for (String line : seasons.getValue().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\\|", 3);
            list.add(new TariffDetails.SeasonDetails(cells[0].trim(), cells.length > 1 ? cells[1].trim() : "",
                    cells.length > 2 ? cells[2].trim() : ""));
        }
        return new TariffDetails(0, 0L, province.getValue(), voltageClass.getValue(), validFrom.getValue(),
                validTo.getValue(), name.getValue(), source.getValue(), criticalPeak.getValue(), peak.getValue(),
                flat.getValue(), valley.getValue(), deepValley.getValue(), capacityPrice.getValue(),
                demandPrice.getValue(), list);
    }

    /** Marks the named fields; a season's error, or one naming no field here, goes into the list below the form. */
    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> fieldErrors) {
        clearErrors();
        for (BusinessException.FieldError f : fieldErrors) {
            String message = getTranslation(f.key(), f.args());
            HasValidation field = byName.get(f.field());
            if (field != null && !"seasons".equals(f.field())) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                seasons.setInvalid(true);
                errors.add(new Div(message));
            }
        }
        return List.of();
    }

    private void clearErrors() {
        byName.values().forEach(f -> f.setInvalid(false));
        errors.removeAll();
    }

    static final class SaveEvent extends ComponentEvent<TariffForm> {
        private final TariffDetails draft;

        SaveEvent(TariffForm source, TariffDetails draft) {
            super(source, false);
            this.draft = draft;
        }

        TariffDetails draft() {
            return draft;
        }
    }

    static final class CancelEvent extends ComponentEvent<TariffForm> {
        CancelEvent(TariffForm source) {
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
