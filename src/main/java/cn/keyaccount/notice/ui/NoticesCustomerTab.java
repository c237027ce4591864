package cn.keyaccount.notice.ui;

import cn.keyaccount.customer.ui.CustomerTab;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.notice.ReplyQueries;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer page's "notices" tab: the messages sent to this customer and (for staff) the replies it sent back. */
@ApplicationScoped
class NoticesCustomerTab implements CustomerTab {

    private final NoticeInbox notices;
    private final ReplyQueries replies;

    NoticesCustomerTab(NoticeInbox notices, ReplyQueries replies) {
        this.notices = notices;
        this.replies = replies;
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
        return new CustomerNoticesTab(notices, viewer.isCustomer() ? null : replies, viewer, customerId);
    }
}
