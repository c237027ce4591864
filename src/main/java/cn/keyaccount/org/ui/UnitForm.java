package cn.keyaccount.org.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.org.UnitDetails;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/** A new unit: code, names, level and parent. Publishes a {@link SaveEvent}; never calls a service. */
class UnitForm extends FormLayout implements ShowsFieldErrors {

    final TextField code = new TextField();
    final TextField name = new TextField();
    final TextField nameEn = new TextField();
    final Select<OrgUnit.Level> level = new Select<>();
    final ComboBox<UnitDetails> parent = new ComboBox<>();

    UnitForm(List<UnitDetails> units, UnitDetails suggestedParent) {
        code.setLabel(getTranslation("unit.code"));
        code.setId("unit-code");
        code.setRequiredIndicatorVisible(true);
        name.setLabel(getTranslation("unit.name"));
        name.setId("unit-name");
        name.setRequiredIndicatorVisible(true);
        nameEn.setLabel(getTranslation("unit.name-en"));
        level.setLabel(getTranslation("unit.level"));
        level.setItems(OrgUnit.Level.values());
        level.setItemLabelGenerator(l -> getTranslation("unit.level." + l));
        parent.setLabel(getTranslation("unit.parent"));
        parent.setItems(units);
        parent.setItemLabelGenerator(u -> u.displayName(getLocale()));
        parent.setClearButtonVisible(true);
        if (suggestedParent != null) {
            parent.setValue(suggestedParent);
            OrgUnit.Level[] levels = OrgUnit.Level.values();
            int next = Math.min(suggestedParent.level().ordinal() + 1, levels.length - 1);
            level.setValue(levels[next]);
        }
        add(code, name, nameEn, level, parent);
    }

    /** Marks the fields a service refused; returns the errors that name no field here. */
    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("code", code, "name", name, "level", level));
    }

    void save() {
        fireEvent(new SaveEvent(this));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<UnitForm> {
        final String code;
        final String name;
        final String nameEn;
        final OrgUnit.Level level;
        final Long parentId;

        SaveEvent(UnitForm form) {
            super(form, false);
            code = form.code.getValue();
            name = form.name.getValue();
            nameEn = form.nameEn.isEmpty() ? null : form.nameEn.getValue().trim();
            level = form.level.getValue();
            parentId = form.parent.getValue() == null ? null : form.parent.getValue().id();
        }
    }
}
