package cn.keyaccount.notice.ui;

import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.notice.ReplyQueries;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * A customer's notice history (every message, newest first) for the customer page, and below it the SMS replies its
 * people sent (when there are any); both paged from the database.
 */
class CustomerNoticesTab extends VerticalLayout {

    final Grid<MessageDetails> grid = new Grid<>();

    final ReplyGrid replyGrid = new ReplyGrid(false);

    /** {@code replies} null: no replies section (customer users). */
    public CustomerNoticesTab(NoticeInbox notices, ReplyQueries replies, Viewer viewer, long customerId) {
        setSizeFull();
        setPadding(false);
        grid.setId("customer-notices");
        grid.addColumn(m -> NoticeLabels.time(m.sentAt() != null ? m.sentAt() : m.nextAttemptAt()))
                .setHeader(getTranslation("notice.time")).setAutoWidth(true);
        grid.addColumn(MessageDetails::noticeTitle).setHeader(getTranslation("notice.title")).setFlexGrow(2);
        grid.addColumn(m -> getTranslation("notice.channel." + m.channel().name()))
                .setHeader(getTranslation("notice.channel")).setAutoWidth(true);
        grid.addColumn(MessageDetails::recipientName).setHeader(getTranslation("notice.recipient")).setAutoWidth(true);
        grid.addColumn(MessageDetails::address).setHeader(getTranslation("notice.address")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(m -> NoticeLabels.state(new Span(), m.state())))
                .setHeader(getTranslation("notice.state")).setAutoWidth(true);
        grid.addColumn(m -> NoticeLabels.time(m.receiptAt())).setHeader(getTranslation("notice.receipt"))
                .setAutoWidth(true);
        grid.setItems(q -> notices.history(viewer, customerId, q.getOffset(), q.getLimit()).stream(),
                q -> (int) notices.countHistory(viewer, customerId));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> new Span(m.body())));
        add(grid);
        if (replies != null && replies.countOfCustomer(viewer, customerId) > 0) {
            replyGrid.setId("customer-replies");
            replyGrid.setItems(q -> replies.ofCustomer(viewer, customerId, q.getOffset(), q.getLimit()).stream(),
                    q -> (int) replies.countOfCustomer(viewer, customerId));
            replyGrid.setHeight("16rem");
            add(new H4(getTranslation("notice.replies")), replyGrid);
        }
    }
}
