package cn.keyaccount.portrait.ui;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * A customer's portrait on a page of its own without the application's menu, to print (or save as PDF from the
 * browser's print dialog): the customer's name and account, then the portrait as the tab shows it.
 */
@Route(value = "customers/:id/portrait/print", autoLayout = false)
@PageTitle("portrait.print.title")
@RolesAllowed(Roles.STAFF)
class PortraitPrintView extends VerticalLayout implements BeforeEnterObserver {

    private final CustomerService customers;
    private final PortraitService portraits;
    private final CustomerTimeline timeline;
    private final CurrentViewer currentViewer;
    final Button print = new Button();

    PortraitPrintView(CustomerService customers, PortraitService portraits, CustomerTimeline timeline,
                      CurrentViewer currentViewer) {
        this.customers = customers;
        this.portraits = portraits;
        this.timeline = timeline;
        this.currentViewer = currentViewer;
        addClassName("portrait-print");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        CustomerDetails c = customers.get(currentViewer.get(), id);
        print.setText(getTranslation("portrait.print.button"));
        print.addClassName("no-print");
        print.addClickListener(e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        add(print, new H2(getTranslation("portrait.print.heading", c.name(), c.accountNo())),
                new PortraitPanel(portraits, timeline, currentViewer.get(), id).withoutPrintLink());
    }
}
