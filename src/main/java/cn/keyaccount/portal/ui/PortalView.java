package cn.keyaccount.portal.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.billing.BillingService;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A key customer's own page: the profile of each account they hold (户号, supply, lines, their account manager)
 * and the contacts on file. With several accounts, a selector switches between them.
 */
@Route("portal")
@PageTitle("portal.menu")
@Menu(title = "portal.menu", order = 0, icon = "vaadin:home")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalView extends VerticalLayout {

    private final ContactService contacts;
    private final CurrentViewer currentViewer;

    final Select<CustomerDetails> accountSelect = new Select<>();
    final H2 title = new H2();
    final DescriptionList profile = new DescriptionList();
    final Grid<ContactDetails> contactGrid = new Grid<>();
    private final Div account = new Div();

    PortalCards cards;

    PortalView(CustomerService customers, ContactService contacts, BillingService billing, OutageQueries outages,
               ReportService reports, NoticeInbox inbox, CurrentViewer currentViewer) {
        this.contacts = contacts;
        this.currentViewer = currentViewer;
        addClassName("portal-home");
        Viewer viewer = currentViewer.get();
        List<CustomerDetails> accounts = customers.ownAccounts(viewer);
        if (accounts.isEmpty()) {
            add(MainLayout.emptyState(getTranslation("portal.no-accounts")));
            return;
        }
        cards = new PortalCards(new PortalCards.Facts(accounts,
                accounts.stream().flatMap(a -> billing.ofCustomer(viewer, a.id()).stream().limit(1)).toList(),
                outages.upcomingForCustomer(viewer), reports.list(viewer, null, 0, 1),
                PortalCards.unread(inbox.inbox(viewer, 0, 200))));
        add(cards);
        accountSelect.setId("portal-account");
        accountSelect.setLabel(getTranslation("portal.account"));
        accountSelect.setItemLabelGenerator(a -> a.accountNo() + " " + a.name());
        accountSelect.setItems(accounts);
        accountSelect.setVisible(accounts.size() > 1);
        accountSelect.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        configureContacts();
        profile.setId("portal-profile");
        profile.addClassName("profile-summary");
        account.add(title, profile, new H3(getTranslation("portal.contacts")), contactGrid);
        account.addClassName("portal-account-card");
        account.setWidthFull();
        add(accountSelect, account);
        accountSelect.setValue(accounts.get(0));
    }

    private void configureContacts() {
        contactGrid.setId("portal-contacts");
        contactGrid.addColumn(ContactDetails::name).setHeader(getTranslation("portal.contact-name")).setAutoWidth(true);
        contactGrid.addColumn(ContactDetails::role).setHeader(getTranslation("portal.contact-role")).setAutoWidth(true);
        contactGrid.addColumn(ContactDetails::mobile).setHeader(getTranslation("portal.contact-mobile"))
                .setAutoWidth(true);
        contactGrid.addColumn(ContactDetails::email).setHeader(getTranslation("portal.contact-email")).setAutoWidth(true);
        contactGrid.addColumn(this::channels).setHeader(getTranslation("portal.contact-channels")).setAutoWidth(true);
        contactGrid.setEmptyStateText(getTranslation("portal.no-contacts"));
        contactGrid.setAllRowsVisible(true);
    }

    private String channels(ContactDetails c) {
        List<String> list = new java.util.ArrayList<>();
        if (c.acceptsSms()) {
            list.add(getTranslation("portal.channel.sms"));
        }
        if (c.acceptsEmail()) {
            list.add(getTranslation("portal.channel.email"));
        }
        if (c.acceptsPortal()) {
            list.add(getTranslation("portal.channel.portal"));
        }
        return String.join("、", list);
    }

    private void show(CustomerDetails a) {
        title.setText(a.name());
        profile.removeAll();
        item("portal.account-no", a.accountNo());
        item("portal.name", a.name());
        item("portal.address", a.address());
        item("portal.voltage", kv(a.voltageKv()));
        item("portal.capacity", getTranslation("portal.kva", plain(a.contractCapacityKva())));
        item("portal.supply-mode", a.supplyMode() == null ? "" : getTranslation("portal.supply-mode." + a.supplyMode()));
        item("portal.lines", a.lines().stream().map(LineDetails::label).collect(Collectors.joining("、")));
        item("portal.manager", a.managerName() == null ? getTranslation("portal.no-manager") : a.managerName());
        contactGrid.setItems(contacts.list(currentViewer.get(), a.id()));
    }

    private void item(String key, String value) {
        profile.add(new Term(getTranslation(key)), new Description(value == null ? "" : value));
    }

    private String kv(BigDecimal kv) {
        return kv == null ? "" : plain(kv) + " kV";
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
