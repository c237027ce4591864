package cn.keyaccount.visit.ui;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.ui.CardAction;
import cn.keyaccount.customer.ui.CardFact;
import cn.keyaccount.customer.ui.CustomerCardPart;
import cn.keyaccount.customer.ui.CustomerPage;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.CustomerVisitSummary;
import cn.keyaccount.visit.VisitService;
import com.vaadin.flow.component.icon.VaadinIcon;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer card's visit facts (last recorded visit, next open visit, open visit tasks) and its "record a visit"
 * action: the next open visit's dialog with its record form, or a new visit for this customer when none is open.
 */
@ApplicationScoped
class VisitCardPart implements CustomerCardPart {

    private final VisitService visits;
    private final CustomerService customers;

    VisitCardPart(VisitService visits, CustomerService customers) {
        this.visits = visits;
        this.customers = customers;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<CardFact> facts(Viewer viewer, CustomerDetails customer) {
        CustomerVisitSummary s = visits.summaryOf(viewer, customer.id());
        List<CardFact> facts = new ArrayList<>();
        facts.add(CardFact.fact("card-last-visit", VisitUi.t("visit.card.last"),
                s.lastDone() == null ? VisitUi.t("visit.card.none") : VisitUi.DATE.format(s.lastDone()), "visit.tab"));
        facts.add(CardFact.fact("card-next-visit", VisitUi.t("visit.card.next"), s.nextPlanned() == null
                ? VisitUi.t("visit.card.none-planned")
                : s.nextOverdue() ? VisitUi.t("visit.card.overdue", VisitUi.DATE.format(s.nextPlanned()))
                : VisitUi.DATE.format(s.nextPlanned()), "visit.tab"));
        if (s.openTasks() > 0) {
            facts.add(CardFact.openItem("card-open-visit-tasks", VisitUi.t("visit.card.open-tasks"),
                    String.valueOf(s.openTasks()), "visit.tab"));
        }
        return facts;
    }

    @Override
    public List<CardAction> actions(Viewer viewer, CustomerDetails customer) {
        if (!customer.editable() || viewer.isCustomer()) {
            return List.of();
        }
        return List.of(new CardAction("card-record-visit", VisitUi.t("visit.card.record"), VaadinIcon.NOTEBOOK,
                page -> record(viewer, customer, page)));
    }

    private void record(Viewer viewer, CustomerDetails customer, CustomerPage page) {
        CustomerVisitSummary s = visits.summaryOf(viewer, customer.id());
        if (s.nextVisitId() != null) {
            new VisitDialog(visits, () -> viewer, s.nextVisitId(), page::reload).open();
            return;
        }
        NewVisitDialog dialog = new NewVisitDialog(visits, customers, () -> viewer, visits.today(), page::reload);
        customers.search(viewer, CustomerSearch.text(customer.accountNo()), CustomerSearch.Order.DEFAULT, 0, 1)
                .stream().filter(r -> r.id() == customer.id()).findFirst().ifPresent(dialog.customer::setValue);
        dialog.open();
    }
}
