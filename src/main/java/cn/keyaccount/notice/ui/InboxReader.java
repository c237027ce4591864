package cn.keyaccount.notice.ui;

import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import java.util.HashSet;
import java.util.Set;

/**
 * What the customers' and the staff's inboxes share: a message opens below the list and counts as read, and its row
 * says so at once (the rows are loaded records; the ones opened since are remembered here).
 */
final class InboxReader {

    private final NoticeInbox notices;
    private final Viewer viewer;
    private final Set<Long> openedNow = new HashSet<>();

    InboxReader(NoticeInbox notices, Viewer viewer) {
        this.notices = notices;
        this.viewer = viewer;
    }

    /** Whether the message is still unread, counting those opened on this page. */
    boolean unread(MessageDetails m) {
        return m.readAt() == null && !openedNow.contains(m.id());
    }

    void wire(Grid<MessageDetails> grid, Div reader) {
        grid.asSingleSelect().addValueChangeListener(e -> {
            reader.removeAll();
            MessageDetails m = e.getValue();
            if (m != null) {
                reader.add(new H4(m.subject()));
                m.body().lines().forEach(line -> reader.add(new Paragraph(line)));
                if (unread(m)) {
                    notices.markRead(viewer, m.id());
                    openedNow.add(m.id());
                    grid.getDataProvider().refreshItem(m);
                }
            }
        });
    }
}
