package cn.keyaccount.notice.ui;

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

    PortalInboxView(NoticeInbox notices, CurrentViewer currentViewer) {
        Viewer viewer = currentViewer.get();
        setSizeFull();
        add(new H2(getTranslation("notice.inbox.menu")));
        if (notices.countInbox(viewer) == 0) {
            add(MainLayout.emptyState(getTranslation("notice.inbox.empty")));
            return;
        }
        grid.setId("portal-inbox");
        grid.addColumn(m -> NoticeLabels.time(m.sentAt())).setHeader(getTranslation("notice.time")).setAutoWidth(true);
        grid.addColumn(MessageDetails::subject).setHeader(getTranslation("notice.subject")).setFlexGrow(2);
        grid.addColumn(m -> m.readAt() == null ? getTranslation("notice.inbox.unread") : "")
                .setHeader(getTranslation("notice.inbox.status")).setAutoWidth(true);
        grid.setItems(q -> notices.inbox(viewer, q.getOffset(), q.getLimit()).stream(),
                q -> (int) notices.countInbox(viewer));
        InboxReader.wire(grid, reader, notices, viewer);
        reader.setId("portal-inbox-reader");
        add(grid, reader);
    }
}
