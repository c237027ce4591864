package cn.keyaccount.energy.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** A key customer's own energy dashboard (用电健康体检), one per account they hold. */
@Route("portal/energy")
@PageTitle("energy.menu.portal")
@Menu(title = "energy.menu.portal", order = 5, icon = "vaadin:chart")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalEnergyView extends VerticalLayout {

    PortalEnergyView(CustomerService customers, EnergyService energy, CurrentViewer currentViewer) {
        List<CustomerDetails> accounts = customers.ownAccounts(currentViewer.get());
        if (accounts.isEmpty()) {
            add(MainLayout.emptyState(getTranslation("energy.no-readings")));
            return;
        }
        for (CustomerDetails a : accounts) {
            add(new H2(a.accountNo() + " " + a.name()), new EnergyPanel(energy, currentViewer.get(), a.id()));
        }
    }
}
