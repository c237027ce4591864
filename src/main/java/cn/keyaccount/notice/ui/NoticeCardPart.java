package cn.keyaccount.notice.ui;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.ui.CardAction;
import cn.keyaccount.customer.ui.CardFact;
import cn.keyaccount.customer.ui.CustomerCardPart;
import cn.keyaccount.notice.CustomerNoticeSummary;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer card's notice items (failed or uncertain messages, portal messages not yet read) and its "send a
 * notice" action, for everyone who may send notices (staff; {@code NoticeService.compose} decides).
 */
@ApplicationScoped
class NoticeCardPart implements CustomerCardPart {

    private final NoticeInbox inbox;
    private final NoticeService notices;
    private final CustomerService customers;
    private final Clock clock;

    NoticeCardPart(Clock clock, NoticeInbox inbox, NoticeService notices, CustomerService customers) {
        this.clock = clock;
        this.inbox = inbox;
        this.notices = notices;
        this.customers = customers;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<CardFact> facts(Viewer viewer, CustomerDetails customer) {
        CustomerNoticeSummary s = inbox.summaryOf(viewer, customer.id());
        List<CardFact> facts = new ArrayList<>();
        if (s.failed() > 0) {
            facts.add(CardFact.openItem("card-failed-notices", t("notice.card.failed"),
                    String.valueOf(s.failed()), "notice.tab"));
        }
        if (s.unread() > 0) {
            facts.add(CardFact.openItem("card-unread-notices", t("notice.card.unread"),
                    String.valueOf(s.unread()), "notice.tab"));
        }
        return facts;
    }

    @Override
    public List<CardAction> actions(Viewer viewer, CustomerDetails customer) {
        if (viewer.isCustomer()) {
            return List.of();
        }
        return List.of(new CardAction("card-send-notice", t("notice.card.send"), VaadinIcon.ENVELOPE,
                page -> customers.search(viewer, CustomerSearch.text(customer.accountNo()),
                                CustomerSearch.Order.DEFAULT, 0, 5).stream()
                        .filter(r -> r.id() == customer.id()).findFirst()
                        .ifPresent(row -> new CustomerNoticeDialog(clock, notices, customers, viewer, row,
                                page::reload).open())));
    }

    private static String t(String key) {
        return UI.getCurrent().getTranslation(key);
    }
}
