package cn.keyaccount.notice.ui;

import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer's portal home: messages in their inbox not opened yet, the newest first. */
@ApplicationScoped
class UnreadInboxSection implements WorkbenchSection {

    private final NoticeInbox inbox;

    UnreadInboxSection(NoticeInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isCustomer();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("unread-messages", t.getTranslation("workbench.unread"), inbox.countUnreadInbox(viewer),
                "portal/inbox", t.getTranslation("workbench.unread.link"),
                inbox.inbox(viewer, 0, 20).stream().filter(m -> m.readAt() == null).limit(5)
                        .map(m -> new SectionRow(m.subject() == null || m.subject().isBlank() ? m.noticeTitle()
                                : m.subject(), WorkbenchFormats.time(m.sentAt()), "portal/inbox", true)).toList(),
                t.getTranslation("workbench.unread.none"));
    }
}
