package cn.keyaccount.notice.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
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

/**
 * A staff user's own inbox (我的消息): the reminders and notices the engine delivered to them in the app (visit
 * reminders, supply-plan task reminders, …); opening one marks it read.
 */
@Route("inbox")
@PageTitle("notice.staff-inbox.menu")
@Menu(title = "notice.staff-inbox.menu", order = 41, icon = "vaadin:envelope-o")
@RolesAllowed(Roles.STAFF)
class StaffInboxView extends VerticalLayout {

    final Grid<MessageDetails> grid = new Grid<>();
    final Div reader = new Div();

    StaffInboxView(NoticeInbox notices, CurrentViewer currentViewer) {
        Viewer viewer = currentViewer.get();
        setSizeFull();
        add(new H2(getTranslation("notice.staff-inbox.menu")));
        if (notices.countStaffInbox(viewer) == 0) {
            add(MainLayout.emptyState(getTranslation("notice.staff-inbox.empty")));
            return;
        }
        grid.setId("staff-inbox");
        grid.addColumn(m -> NoticeLabels.time(m.sentAt())).setHeader(getTranslation("notice.time")).setAutoWidth(true);
        grid.addColumn(m -> NoticeLabels.purpose(this::getTranslation, m.purpose())).setHeader(getTranslation("notice.purpose")).setAutoWidth(true);
        grid.addColumn(MessageDetails::subject).setHeader(getTranslation("notice.subject")).setFlexGrow(2);
        InboxReader opened = new InboxReader(notices, viewer);
        grid.addColumn(m -> opened.unread(m) ? getTranslation("notice.inbox.unread") : "")
                .setHeader(getTranslation("notice.inbox.status")).setAutoWidth(true);
        grid.setItems(q -> notices.staffInbox(viewer, q.getOffset(), q.getLimit()).stream(),
                q -> (int) notices.countStaffInbox(viewer));
        opened.wire(grid, reader);
        reader.setId("staff-inbox-reader");
        add(grid, reader);
    }
}
