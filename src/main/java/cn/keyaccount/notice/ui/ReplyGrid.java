package cn.keyaccount.notice.ui;

import cn.keyaccount.notice.ReplyRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * Customers' SMS replies as a grid: when it came, from which mobile, the text, what it meant (a visit confirmed, an
 * outage warning acknowledged) and the message it answers beside it (its notice and when it went out; its text in the
 * row's details). The notice centre's list shows the customer too; a customer's own list does not.
 */
class ReplyGrid extends Grid<ReplyRow> {

    ReplyGrid(boolean withCustomer) {
        addColumn(r -> NoticeLabels.time(r.receivedAt())).setHeader(getTranslation("notice.reply.received-at"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(ReplyRow::mobile).setHeader(getTranslation("notice.reply.mobile")).setAutoWidth(true).setFlexGrow(0);
        addColumn(ReplyRow::text).setHeader(getTranslation("notice.reply.text")).setFlexGrow(2)
                .setTooltipGenerator(ReplyRow::text);
        addColumn(new ComponentRenderer<>(this::meaning)).setHeader(getTranslation("notice.reply.meaning"))
                .setAutoWidth(true).setFlexGrow(0);
        if (withCustomer) {
            addColumn(new ComponentRenderer<>(this::customer)).setHeader(getTranslation("notice.reply.customer"))
                    .setFlexGrow(1);
        }
        addColumn(this::repliedTo).setHeader(getTranslation("notice.reply.replied-to")).setFlexGrow(2)
                .setTooltipGenerator(r -> r.repliedToText() == null ? "" : r.repliedToText());
        setItemDetailsRenderer(new ComponentRenderer<>(r -> new Div(new Span(r.text()), new Div(r.repliedToText() == null
                ? getTranslation("notice.reply.no-message")
                : getTranslation("notice.reply.answering", r.repliedToRecipient(), r.repliedToText())))));
    }

    String repliedTo(ReplyRow r) {
        if (r.noticeTitle() == null) {
            return getTranslation("notice.reply.no-message");
        }
        return r.noticeTitle() + " · " + NoticeLabels.purpose(this::getTranslation,
                r.purpose() == null ? null : r.purpose().name()) + " · " + NoticeLabels.time(r.repliedToSentAt());
    }

    private Span meaning(ReplyRow r) {
        if (r.meaning() == null) {
            return new Span();
        }
        Span badge = new Span(getTranslation("notice.reply.meaning." + r.meaning().name()));
        badge.getElement().getThemeList().add("badge success");
        return badge;
    }

    private Span customer(ReplyRow r) {
        if (!r.matched()) {
            Span badge = new Span(getTranslation("notice.reply.unmatched"));
            badge.getElement().getThemeList().add("badge contrast");
            return badge;
        }
        Span host = new Span();
        host.add(new Anchor("customers/" + r.customerId() + "?tab=notice.tab",
                r.customerName() == null ? String.valueOf(r.customerId()) : r.customerName()));
        return host;
    }
}
