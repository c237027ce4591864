package cn.keyaccount.portal.ui;

import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.billing.BillDetails;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.outage.CustomerOutage;
import cn.keyaccount.report.ReportDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The four cards at the top of the customer's home page: the latest bill of each account, the outages ahead, the
 * latest energy report and the unread messages, each with a link to the page where it is handled. A card says in
 * words when there is nothing to show.
 */
class PortalCards extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** What the cards show, read by the page from the features' services. */
    record Facts(List<CustomerDetails> accounts, List<BillDetails> latestBills, List<CustomerOutage> outages,
                 List<ReportDetails> reports, long unread) {
    }

    final Div bills;
    final Div outages;
    final Div reports;
    final Div inbox;

    PortalCards(Facts facts) {
        setId("portal-cards");
        addClassName("portal-cards");
        bills = card("portal-card-bills", "portal.card.bills", null, null);
        if (facts.latestBills().isEmpty()) {
            bills.add(line(getTranslation("portal.card.no-bills")));
        }
        for (BillDetails b : facts.latestBills()) {
            bills.add(figure(getTranslation("portal.card.yuan", money(b.total()))),
                    line(b.accountNo() + " · " + b.period() + " · " + (b.paidAt() != null
                            ? getTranslation("portal.card.paid")
                            : getTranslation("portal.card.due", b.dueDate() == null ? "" : b.dueDate().toString()))));
        }
        outages = card("portal-card-outages", "portal.card.outages", "portal/outages", "portal.card.outages-open");
        if (facts.outages().isEmpty()) {
            outages.add(line(getTranslation("portal.card.no-outages")));
        } else {
            CustomerOutage next = facts.outages().get(0);
            outages.add(figure(getTranslation("portal.card.outages-count", facts.outages().size())),
                    line(getTranslation("portal.card.outage-next", time(next.startsAt()), time(next.endsAt()),
                            next.customerName(), next.linesOut())));
        }
        reports = card("portal-card-reports", "portal.card.reports", "portal/reports", "portal.card.reports-open");
        if (facts.reports().isEmpty()) {
            reports.add(line(getTranslation("portal.card.no-reports")));
        } else {
            ReportDetails r = facts.reports().get(0);
            reports.add(figure(r.period()), line(r.accountNo() + " " + r.customerName() + " · "
                    + getTranslation("portal.card.health", r.healthScore())));
        }
        inbox = card("portal-card-inbox", "portal.card.inbox", "portal/inbox", "portal.card.inbox-open");
        inbox.add(figure(getTranslation("portal.card.unread", facts.unread())));
        add(bills, outages, reports, inbox);
        // the links sit at the bottom of each card
        for (Div card : List.of(outages, reports, inbox)) {
            card.getChildren().filter(c -> c instanceof Anchor).findFirst().ifPresent(link -> {
                card.remove(link);
                card.add(link);
            });
        }
    }

    private Div card(String id, String titleKey, String route, String linkKey) {
        Div card = new Div(new H3(getTranslation(titleKey)));
        card.setId(id);
        card.addClassName("portal-card");
        if (route != null) {
            Anchor link = new Anchor(route, getTranslation(linkKey));
            link.addClassName("portal-card-link");
            card.add(link);
        }
        return card;
    }

    private static Component figure(String text) {
        Span s = new Span(text);
        s.addClassName("portal-card-figure");
        return s;
    }

    private static Component line(String text) {
        Span s = new Span(text);
        s.addClassName("portal-card-line");
        return s;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(TimeSettings.companyZone()).format(TIME);
    }

    /** Money with two decimals and thousands separators. */
    static String money(BigDecimal amount) {
        return amount == null ? "" : new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(amount);
    }

    /** The unread messages among those loaded. */
    static long unread(List<MessageDetails> messages) {
        return messages.stream().filter(m -> m.readAt() == null).count();
    }
}
