package cn.keyaccount.notice.ui;

import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's "notices" tab: the messages sent to this customer. */
@ApplicationScoped
class NoticesCustomerTab implements CustomerTab {

    private final NoticeInbox notices;

    NoticesCustomerTab(NoticeInbox notices) {
        this.notices = notices;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleKey() {
        return "notice.tab";
    }

    @Override
    public Component create(Viewer viewer, long customerId, boolean editable) {
        return new CustomerNoticesTab(notices, viewer, customerId);
    }
}
