package cn.keyaccount.report.ui;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.ui.CardAction;
import cn.keyaccount.customer.ui.CustomerCardPart;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The customer card's "make a report" action: opens the energy-reports tab, whose issue bar (month, language,
 * notify) is the form. Offered to those who may change the customer, as the tab offers its bar.
 */
@ApplicationScoped
class ReportCardPart implements CustomerCardPart {

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<CardAction> actions(Viewer viewer, CustomerDetails customer) {
        if (!customer.editable() || viewer.isCustomer()) {
            return List.of();
        }
        return List.of(new CardAction("card-make-report", UI.getCurrent().getTranslation("report.card.make"),
                VaadinIcon.FILE_TEXT_O, page -> {
                    if (page.showTab("report.tab") instanceof ReportsPanel panel) {
                        panel.issue.focus();
                    }
                }));
    }
}
