package cn.keyaccount.energy.ui;

import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's "energy" tab. */
@ApplicationScoped
class EnergyCustomerTab implements CustomerTab {

    private final EnergyService energy;

    EnergyCustomerTab(EnergyService energy) {
        this.energy = energy;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "energy.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        return new EnergyPanel(energy, viewer, customerId, editable);
    }
}
