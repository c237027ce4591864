package cn.keyaccount.portrait.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** A key customer's own load shape against their industry's, one per account they hold. */
@Route("portal/portrait")
@PageTitle("portrait.menu.portal")
@Menu(title = "portrait.menu.portal", order = 5.5, icon = "vaadin:chart-line")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalPortraitView extends VerticalLayout {

    PortalPortraitView(CustomerService customers, PortraitService portraits, CurrentViewer currentViewer) {
        List<CustomerDetails> accounts = customers.ownAccounts(currentViewer.get());
        if (accounts.isEmpty()) {
            add(MainLayout.emptyState(getTranslation("portrait.status.not-computed")));
            return;
        }
        for (CustomerDetails a : accounts) {
            add(new H2(a.accountNo() + " " + a.name()), new PortraitPanel(portraits, null, currentViewer.get(), a.id()));
        }
    }
}
