package cn.keyaccount.notice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.InboundSms;
import cn.keyaccount.notice.InboundSmsSink;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.notice.ReplyQueries;
import cn.keyaccount.notice.ReplyRow;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The notice centre's replies list and the customer page's replies, browserless. */
@QuarkusTest
class RepliesViewTest extends BrowserlessQuarkusTest {

    @Inject
    InboundSmsSink sink;
    @Inject
    ReplyQueries replies;
    @Inject
    NoticeInbox inbox;
    @Inject
    CustomerService customers;
    @Inject
    ContactService contacts;
    @Inject
    UserService users;

    private static String mobile() {
        return "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A reply from a new contact of the demo manager's first customer; returns that customer's id. */
    private long replyFromAManagersContact(String text) {
        Viewer manager = users.viewer("manager");
        long customer = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).getFirst()
                .id();
        String mobile = mobile();
        ContactDraft d = new ContactDraft();
        d.setName("回复" + mobile.substring(7));
        d.setRole("电费联系人");
        d.setMobile(mobile);
        d.setAcceptsEmail(false);
        contacts.add(Viewer.system(), customer, d);
        sink.received(new InboundSms("smpp", "+86 " + mobile, "95598", text, Instant.now()));
        return customer;
    }

    private static List<ReplyRow> rows(ReplyGrid grid) {
        return grid.getGenericDataView().getItems().toList();
    }

    @Test
    void a_scheduler_lists_matched_and_unmatched_replies_and_filters_the_unmatched_ones() {
        String tag = "视图测试" + ThreadLocalRandom.current().nextInt(1_000_000);
        replyFromAManagersContact(tag + "已知");
        sink.received(new InboundSms("smpp", mobile(), "95598", tag + "陌生", Instant.now()));
        signIn("scheduler", Role.SCHEDULER_NAME);
        RepliesView view = open("notices/replies", RepliesView.class);

        test(view.search).setValue(tag);
        assertEquals(List.of(tag + "陌生", tag + "已知"), rows(view.grid).stream().map(ReplyRow::text).toList());
        view.show.setValue(ReplyQueries.Show.UNMATCHED);
        assertEquals(List.of(tag + "陌生"), rows(view.grid).stream().map(ReplyRow::text).toList());
        assertEquals("（无对应的已发短信）", view.grid.repliedTo(rows(view.grid).getFirst()));
    }

    @Test
    void a_manager_sees_the_replies_of_their_customers_only_and_no_unmatched_filter() {
        String tag = "经理视图" + ThreadLocalRandom.current().nextInt(1_000_000);
        replyFromAManagersContact(tag + "已知");
        sink.received(new InboundSms("smpp", mobile(), "95598", tag + "陌生", Instant.now()));
        signIn("manager", Role.MANAGER_NAME);
        RepliesView view = open("notices/replies", RepliesView.class);

        test(view.search).setValue(tag);
        List<ReplyRow> seen = rows(view.grid);
        assertEquals(List.of(tag + "已知"), seen.stream().map(ReplyRow::text).toList());
        assertTrue(seen.getFirst().mobile().contains("****"), "masked for a manager");
        assertFalse(view.show.getListDataView().getItems().anyMatch(s -> s == ReplyQueries.Show.UNMATCHED));
    }

    @Test
    void the_customer_pages_notices_tab_lists_the_customers_replies() {
        String tag = "客户页" + ThreadLocalRandom.current().nextInt(1_000_000);
        long customer = replyFromAManagersContact(tag);
        signIn("manager", Role.MANAGER_NAME);
        CustomerNoticesTab tab = new CustomerNoticesTab(inbox, replies, users.viewer("manager"), customer);

        assertTrue(rows(tab.replyGrid).stream().anyMatch(r -> r.text().equals(tag) && r.customerId() == customer));
    }
}
