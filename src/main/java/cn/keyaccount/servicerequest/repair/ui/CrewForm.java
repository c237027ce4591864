package cn.keyaccount.servicerequest.repair.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.servicerequest.ServiceArea;
import cn.keyaccount.servicerequest.repair.CrewDetails;
import cn.keyaccount.servicerequest.repair.CrewDraft;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A dialog to add or change a repair crew and its sign-ins; publishes a save event, never calls a service. */
class CrewForm extends Dialog implements ShowsFieldErrors {

    final ComboBox<UnitDetails> unit = new ComboBox<>();
    final TextField name = new TextField();
    final TextField members = new TextField();
    final TextField mobile = new TextField();
    final Select<ServiceArea> area = new Select<>();
    final Checkbox active = new Checkbox();
    final MultiSelectComboBox<CrewDetails.Account> accounts = new MultiSelectComboBox<>();
    final Button save = new Button();
    private final CrewDetails editing;

    CrewForm(List<UnitDetails> units, List<CrewDetails.Account> crewAccounts, CrewDetails editing) {
        this.editing = editing;
        setHeaderTitle(getTranslation(editing == null ? "repair.crew-new" : "repair.crew-edit"));
        unit.setLabel(getTranslation("repair.crew.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(u -> u.displayName(getLocale()));
        unit.setRequiredIndicatorVisible(true);
        name.setLabel(getTranslation("repair.crew.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(100);
        members.setLabel(getTranslation("repair.crew.members"));
        members.setHelperText(getTranslation("repair.crew.members-help"));
        members.setRequiredIndicatorVisible(true);
        members.setMaxLength(500);
        mobile.setLabel(getTranslation("repair.crew.mobile"));
        mobile.setRequiredIndicatorVisible(true);
        mobile.setMaxLength(20);
        area.setLabel(getTranslation("repair.crew.area"));
        area.setItems(ServiceArea.values());
        area.setItemLabelGenerator(a -> a == null ? "" : getTranslation("request.area." + a));
        area.setValue(ServiceArea.URBAN);
        active.setLabel(getTranslation("repair.crew.active"));
        active.setValue(true);
        accounts.setLabel(getTranslation("repair.crew.accounts"));
        accounts.setHelperText(getTranslation("repair.crew.accounts-help"));
        List<CrewDetails.Account> offered = new java.util.ArrayList<>(crewAccounts);
        if (editing != null) {
            editing.accounts().stream().filter(a -> offered.stream().noneMatch(o -> o.userId() == a.userId()))
                    .forEach(offered::add);
        }
        offered.sort(Comparator.comparing(CrewDetails.Account::username));
        accounts.setItems(offered);
        accounts.setItemLabelGenerator(a -> a.displayName() + "（" + a.username() + "）");
        if (editing != null) {
            units.stream().filter(u -> u.id() == editing.unitId()).findFirst().ifPresent(unit::setValue);
            unit.setReadOnly(true);
            name.setValue(editing.name());
            members.setValue(editing.members());
            mobile.setValue(editing.mobile());
            area.setValue(editing.area());
            active.setValue(editing.active());
            accounts.setValue(offered.stream().filter(o -> editing.accounts().stream()
                    .anyMatch(a -> a.userId() == o.userId())).toList());
        }
        add(new FormLayout(unit, name, members, mobile, area, active, accounts));
        save.setText(getTranslation("common.save"));
        save.setId("crew-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, draft())));
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }

    CrewDraft draft() {
        return new CrewDraft(unit.getValue() == null ? null : unit.getValue().id(), name.getValue(),
                members.getValue(), mobile.getValue(), area.getValue(), active.getValue(),
                accounts.getValue().stream().map(CrewDetails.Account::userId).toList(),
                editing == null ? null : editing.version());
    }

    CrewDetails editing() {
        return editing;
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("unitId", unit, "name", name, "members", members, "mobile", mobile,
                "area", area, "accountIds", accounts), "repair.crew.field.");
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<CrewForm> {
        private final CrewDraft draft;

        SaveEvent(CrewForm source, CrewDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        CrewDraft draft() {
            return draft;
        }
    }
}
