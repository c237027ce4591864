package cn.keyaccount.opportunity.ui;

import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.opportunity.OpportunityQueries;
import cn.keyaccount.opportunity.OpportunityService;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's "opportunities" tab: the customer's need tags (to open one) and its opportunities. */
@ApplicationScoped
class OpportunityCustomerTab implements CustomerTab {

    private final OpportunityService opportunities;
    private final OpportunityQueries queries;
    private final PortraitService portraits;

    OpportunityCustomerTab(OpportunityService opportunities, OpportunityQueries queries, PortraitService portraits) {
        this.opportunities = opportunities;
        this.queries = queries;
        this.portraits = portraits;
    }

    @Override
    public int order() {
        return 24;
    }

    @Override
    public String titleKey() {
        return "opportunity.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        return new CustomerOpportunitiesPanel(opportunities, queries, portraits, viewer, customerId, editable);
    }
}
