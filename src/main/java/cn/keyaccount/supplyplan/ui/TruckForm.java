package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.supplyplan.TruckDraft;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/** A dialog to register a generator truck and its crew; publishes a save event, never calls a service. */
class TruckForm extends Dialog implements ShowsFieldErrors {

    final TextField plate = new TextField();
    final TextField name = new TextField();
    final IntegerField ratedKw = new IntegerField();
    final ComboBox<UnitDetails> unit = new ComboBox<>();
    final TextField crewLeader = new TextField();
    final TextField crewMobile = new TextField();
    final IntegerField crewSize = new IntegerField();
    final Button save = new Button();

    TruckForm(List<UnitDetails> units) {
        setHeaderTitle(getTranslation("fleet.truck-new"));
        plate.setLabel(getTranslation("fleet.truck-plate"));
        plate.setRequiredIndicatorVisible(true);
        name.setLabel(getTranslation("fleet.truck-name"));
        name.setRequiredIndicatorVisible(true);
        ratedKw.setLabel(getTranslation("fleet.truck-kw"));
        ratedKw.setMin(1);
        ratedKw.setRequiredIndicatorVisible(true);
        unit.setLabel(getTranslation("fleet.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(UnitDetails::name);
        unit.setRequiredIndicatorVisible(true);
        crewLeader.setLabel(getTranslation("fleet.crew-leader"));
        crewMobile.setLabel(getTranslation("fleet.crew-mobile"));
        crewSize.setLabel(getTranslation("fleet.crew-size"));
        crewSize.setMin(0);
        add(new FormLayout(plate, name, ratedKw, unit, crewLeader, crewMobile, crewSize));
        save.setText(getTranslation("common.save"));
        save.setId("truck-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, new TruckDraft(plate.getValue(), name.getValue(),
                ratedKw.getValue(), unit.getValue() == null ? null : unit.getValue().id(), crewLeader.getValue(),
                crewMobile.getValue(), crewSize.getValue()))));
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }

    /** Marks the fields the service refused; returns the errors that belong to no field here. */
    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("plate", plate, "name", name, "ratedKw", ratedKw, "unitId", unit,
                "crewMobile", crewMobile, "crewSize", crewSize, "crewLeader", crewLeader), "plan.field.");
    }

    Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<TruckForm> {
        private final TruckDraft draft;

        SaveEvent(TruckForm source, TruckDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        TruckDraft draft() {
            return draft;
        }
    }
}
