package cn.keyaccount.outage.ui;

import cn.keyaccount.notice.MessageDetails;
import com.vaadin.flow.component.grid.Grid;

/** The columns of a message list: recipient, channel, state, sent, receipt, error. */
final class MessageColumns {

    private MessageColumns() {
    }

    static void add(Grid<MessageDetails> grid) {
        grid.addColumn(MessageDetails::recipientName).setHeader(OutageUi.t("outage.recipient")).setAutoWidth(true);
        grid.addColumn(m -> OutageUi.t("notice.channel." + m.channel().name())).setHeader(OutageUi.t("outage.channel"))
                .setAutoWidth(true);
        grid.addColumn(MessageDetails::address).setHeader(OutageUi.t("outage.address")).setAutoWidth(true);
        grid.addColumn(m -> OutageUi.t("notice.state." + m.state().name())).setHeader(OutageUi.t("outage.state"))
                .setAutoWidth(true);
        grid.addColumn(m -> OutageUi.time(m.nextAttemptAt())).setHeader(OutageUi.t("outage.planned-at"))
                .setAutoWidth(true);
        grid.addColumn(m -> OutageUi.time(m.sentAt())).setHeader(OutageUi.t("outage.sent-at")).setAutoWidth(true);
        grid.addColumn(m -> OutageUi.time(m.receiptAt())).setHeader(OutageUi.t("outage.receipt-at"))
                .setAutoWidth(true);
        grid.addColumn(MessageDetails::error).setHeader(OutageUi.t("outage.error")).setFlexGrow(1);
    }
}
