package cn.keyaccount.notice.ui;

import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

/** What the customers' and the staff's inboxes share: a message opens below the list and counts as read. */
final class InboxReader {

    private InboxReader() {
    }

    static void wire(Grid<MessageDetails> grid, Div reader, NoticeInbox notices, Viewer viewer) {
        grid.asSingleSelect().addValueChangeListener(e -> {
            reader.removeAll();
            MessageDetails m = e.getValue();
            if (m != null) {
                reader.add(new H4(m.subject()));
                m.body().lines().forEach(line -> reader.add(new Paragraph(line)));
                if (m.readAt() == null) {
                    notices.markRead(viewer, m.id());
                }
            }
        });
    }
}
