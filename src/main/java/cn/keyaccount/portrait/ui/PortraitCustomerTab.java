package cn.keyaccount.portrait.ui;

import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.SegmentStrategies;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's "portrait" tab. */
@ApplicationScoped
class PortraitCustomerTab implements CustomerTab {

    private final PortraitService portraits;
    private final CustomerTimeline timeline;
    private final SegmentStrategies strategies;

    PortraitCustomerTab(PortraitService portraits, CustomerTimeline timeline, SegmentStrategies strategies) {
        this.portraits = portraits;
        this.timeline = timeline;
        this.strategies = strategies;
    }

    @Override
    public int order() {
        return 22;
    }

    @Override
    public String titleKey() {
        return "portrait.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        return new PortraitPanel(portraits, timeline, viewer, customerId).withStrategies(strategies);
    }
}
