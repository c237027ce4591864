package cn.keyaccount.billing.ui;

import cn.keyaccount.billing.BillingService;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.ui.CardFact;
import cn.keyaccount.customer.ui.CustomerCardPart;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.UI;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The customer card's arrears (bills unpaid past their due date), for those who work with bills. */
@ApplicationScoped
class ArrearsCardPart implements CustomerCardPart {

    private final BillingService billing;
    private final Clock clock;

    ArrearsCardPart(Clock clock, BillingService billing) {
        this.clock = clock;
        this.billing = billing;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<CardFact> facts(Viewer viewer, CustomerDetails customer) {
        if (!BillingService.handlesBills(viewer)) {
            return List.of();
        }
        long arrears = billing.arrearsOf(viewer, customer.id(), LocalDate.now(clock));
        return arrears == 0 ? List.of() : List.of(CardFact.openItemAt("card-arrears",
                UI.getCurrent().getTranslation("billing.card.arrears"), String.valueOf(arrears), "billing"));
    }
}
