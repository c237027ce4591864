package cn.keyaccount.notice.ui;

import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The scheduler's workbench: notices with failed or uncertain messages (to retry, or to decide whether an uncertain
 * one went out), as the notice centre lists them with its filter on.
 */
@ApplicationScoped
class AttentionMessagesSection implements WorkbenchSection {

    static final String LINK = "notices?filter=attention";

    private final NoticeQueries queries;

    AttentionMessagesSection(NoticeQueries queries) {
        this.queries = queries;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.is(Role.SCHEDULER);
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("messages-attention", t.getTranslation("workbench.messages-attention"),
                queries.countNeedingAttention(viewer), LINK, t.getTranslation("workbench.messages-attention.link"),
                queries.needingAttention(viewer, 0, 8).stream().map(n -> row(n, t)).toList(),
                t.getTranslation("workbench.messages-attention.none"));
    }

    private static SectionRow row(NoticeSummary n, Texts t) {
        return new SectionRow(n.title(), t.getTranslation("workbench.messages-attention.row", n.failed(),
                n.uncertain()), LINK, true);
    }
}
