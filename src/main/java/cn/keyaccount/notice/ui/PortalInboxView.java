package cn.keyaccount.notice.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import java.util.Map;
import java.util.stream.Collectors;
import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** A customer user's inbox (消息中心): the notices delivered to their accounts; opening one marks it read. */
@Route("portal/inbox")
@PageTitle("notice.inbox.menu")
@Menu(title = "notice.inbox.menu", order = 1, icon = "vaadin:envelope")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalInboxView extends VerticalLayout {

    final Grid<MessageDetails> grid = new Grid<>();
    final Div reader = new Div();

    PortalInboxView(NoticeInbox notices, CustomerService customers, CurrentViewer currentViewer) {
        Viewer viewer = currentViewer.get();
        setSizeFull();
        add(new H2(getTranslation("notice.inbox.menu")));
        if (notices.countInbox(viewer) == 0) {
            add(MainLayout.emptyState(getTranslation("notice.inbox.empty")));
            return;
        }
        Map<Long, String> accounts = customers.ownAccounts(viewer).stream()
                .collect(Collectors.toMap(CustomerDetails::id, a -> a.accountNo() + " " + a.name()));
        InboxReader opened = new InboxReader(notices, viewer);
        grid.setId("portal-inbox");
        grid.addColumn(m -> NoticeLabels.time(m.sentAt())).setHeader(getTranslation("notice.time")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> accounts.getOrDefault(m.customerId(), "")).setHeader(getTranslation("notice.inbox.account"))
                .setFlexGrow(1).setWidth("12rem").setTooltipGenerator(m -> accounts.getOrDefault(m.customerId(), ""));
        grid.addColumn(MessageDetails::subject).setHeader(getTranslation("notice.subject")).setFlexGrow(3)
                .setWidth("12rem").setTooltipGenerator(MessageDetails::subject);
        grid.addColumn(m -> opened.unread(m) ? getTranslation("notice.inbox.unread") : "")
                .setHeader(getTranslation("notice.inbox.status")).setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(m -> opened.unread(m) ? "inbox-unread" : null);
        grid.setItems(q -> notices.inbox(viewer, q.getOffset(), q.getLimit()).stream(),
                q -> (int) notices.countInbox(viewer));
        NarrowScreen.of(this).cards(grid, m -> NarrowScreen.card(m.subject(), NoticeLabels.time(m.sentAt()),
                accounts.getOrDefault(m.customerId(), ""), opened.unread(m) ? getTranslation("notice.inbox.unread")
                        : null));
        opened.wire(grid, reader);
        reader.setId("portal-inbox-reader");
        add(grid, reader);
    }
}
