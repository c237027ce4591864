package cn.keyaccount.energy.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.energy.EnergyProfile;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.PowerFactorStandard;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.util.List;
import java.util.Map;

/**
 * Edits what the analysis needs of a customer: tariff province and voltage class, basic-charge mode, declared
 * (contract) demand, operating capacity and power-factor standard. Errors show at their field.
 */
class EnergyProfileDialog extends Dialog implements ShowsFieldErrors {

    private final EnergyService energy;
    private final Viewer viewer;
    private final long customerId;
    private final Runnable onSaved;
    private EnergyProfile current;
    final ComboBox<String> province = new ComboBox<>();
    final ComboBox<String> voltageClass = new ComboBox<>();
    final Select<BasicChargeMode> mode = new Select<>();
    final BigDecimalField declaredKw = new BigDecimalField();
    final BigDecimalField capacityKva = new BigDecimalField();
    final Select<PowerFactorStandard> standard = new Select<>();

    EnergyProfileDialog(EnergyService energy, Viewer viewer, long customerId, Runnable onSaved) {
        this.energy = energy;
        this.viewer = viewer;
        this.customerId = customerId;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation("energy.profile.title"));
        province.setLabel(getTranslation("energy.profile.province"));
        province.setItems(energy.tariffProvinces());
        voltageClass.setLabel(getTranslation("energy.profile.voltage-class"));
        voltageClass.setItems(energy.tariffVoltageClasses());
        mode.setLabel(getTranslation("energy.profile.mode"));
        mode.setItems(BasicChargeMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("energy.mode." + m.name()));
        declaredKw.setLabel(getTranslation("energy.profile.declared-kw"));
        capacityKva.setLabel(getTranslation("energy.profile.capacity-kva"));
        standard.setLabel(getTranslation("energy.profile.standard"));
        standard.setItems(PowerFactorStandard.values());
        standard.setItemLabelGenerator(s -> s.value().toPlainString());
        load(energy.profile(viewer, customerId));
        add(new FormLayout(province, voltageClass, mode, declaredKw, capacityKva, standard));
        Button save = new Button(getTranslation("energy.profile.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("energy-profile-save");
        getFooter().add(new Button(getTranslation("energy.upload.close"), e -> close()), save);
    }

    private void load(EnergyProfile p) {
        current = p;
        province.setValue(p.province());
        voltageClass.setValue(p.voltageClass());
        mode.setValue(p.basicChargeMode());
        declaredKw.setValue(p.declaredKw());
        capacityKva.setValue(p.capacityKva());
        standard.setValue(p.powerFactorStandard());
    }

    void save() {
        energy.updateProfile(viewer, customerId, new EnergyProfile(customerId, province.getValue(),
                voltageClass.getValue(), mode.getValue(), declaredKw.getValue(), capacityKva.getValue(),
                standard.getValue(), current.customerVersion(), current.profileVersion()));
        close();
        onSaved.run();
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("province", province, "declaredKw", declaredKw,
                "capacityKva", capacityKva, "basicChargeMode", mode, "powerFactorStandard", standard));
    }
}
