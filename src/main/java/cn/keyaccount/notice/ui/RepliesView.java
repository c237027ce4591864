package cn.keyaccount.notice.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.notice.ReplyQueries;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The notice centre's replies (回复): what customers sent back to our SMS numbers, newest first, searched by text or
 * mobile and filtered matched/unmatched, each with the message it answers. Staff see the replies of the customers
 * they may see; administrators and schedulers also those matched to no customer, to sort them out.
 */
@Route("notices/replies")
@PageTitle("notice.replies")
@RolesAllowed(Roles.STAFF)
class RepliesView extends VerticalLayout {

    private final ReplyQueries replies;
    private final Viewer viewer;
    final TextField search = new TextField();
    final Select<ReplyQueries.Show> show = new Select<>();
    final ReplyGrid grid = new ReplyGrid(true);
    final NarrowScreen narrow = NarrowScreen.of(this);

    RepliesView(ReplyQueries replies, CurrentViewer currentViewer) {
        this.replies = replies;
        this.viewer = currentViewer.get();
        setSizeFull();
        search.setId("reply-search");
        search.setPlaceholder(getTranslation("notice.reply.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        show.setId("reply-show");
        show.setLabel(getTranslation("notice.reply.show"));
        show.setItems(ReplyQueries.seesUnmatched(viewer) ? List.of(ReplyQueries.Show.values())
                : List.of(ReplyQueries.Show.ALL, ReplyQueries.Show.MATCHED));
        show.setItemLabelGenerator(s -> getTranslation("notice.reply.show." + s.name()));
        show.setValue(ReplyQueries.Show.ALL);
        show.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.setId("reply-grid");
        grid.setItems(q -> replies.list(viewer, show.getValue(), search.getValue(), q.getOffset(), q.getLimit())
                        .stream(),
                q -> (int) replies.count(viewer, show.getValue(), search.getValue()));
        HorizontalLayout bar = new HorizontalLayout(search, show);
        bar.setAlignItems(Alignment.BASELINE);
        add(narrow.foldable(bar), grid);
        narrow.cards(grid, r -> NarrowScreen.card(r.text(), NoticeLabels.time(r.receivedAt()) + " · " + r.mobile(),
                r.matched() ? r.customerName() : getTranslation("notice.reply.unmatched"),
                r.meaning() == null ? null : getTranslation("notice.reply.meaning." + r.meaning().name()),
                grid.repliedTo(r)));
    }
}
