package cn.keyaccount.notice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.NoticeDispatcher;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NoticeViewsTest extends BrowserlessQuarkusTest {

    @Inject
    NoticeService notices;

    @Inject
    NoticeQueries noticeQueries;

    @Inject
    NoticeInbox noticeInbox;
    @Inject
    NoticeDispatcher dispatcher;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    @Test
    void the_notice_centre_previews_the_sms_with_its_segment_count() {
        signIn("scheduler", Role.SCHEDULER_NAME);
        NoticeCentreView view = open("notices", NoticeCentreView.class);

        assertEquals("general", view.composer.template.getValue());
        test(view.composer.values.getChildren().filter(c -> "notice-value-text".equals(c.getId().orElse("")))
                .map(c -> (com.vaadin.flow.component.textfield.TextArea) c).findFirst().orElseThrow())
                .setValue("停".repeat(80));
        assertTrue(view.composer.preview.getText().contains("停".repeat(80)), view.composer.preview.getText());
        assertTrue(view.composer.segments.getText().contains("2 条短信"), view.composer.segments.getText());
        assertTrue(view.channelStatus.getText().contains("短信通道"));
    }

    @Test
    void the_composers_text_takes_at_most_one_capped_sms_and_the_counter_says_when_it_is_over() {
        signIn("scheduler", Role.SCHEDULER_NAME);
        NoticeCentreView view = open("notices", NoticeCentreView.class);
        com.vaadin.flow.component.textfield.TextArea text = view.composer.values.getChildren()
                .filter(c -> "notice-value-text".equals(c.getId().orElse("")))
                .map(c -> (com.vaadin.flow.component.textfield.TextArea) c).findFirst().orElseThrow();

        assertEquals(670, text.getMaxLength());
        test(text).setValue("停".repeat(660));
        assertTrue(text.isInvalid(), "with the template's own words the SMS is over the cap");
        assertTrue(text.getErrorMessage().contains("670"), text.getErrorMessage());
    }

    @Test
    void a_customer_user_reads_a_portal_notice_in_the_inbox() {
        Viewer customer = users.viewer("customer");
        CustomerDetails own = customers.ownAccounts(customer).getFirst();
        long noticeId = notices.schedule(Viewer.system(), NoticeRequest.builder(NoticePurpose.GENERAL, "general")
                .title("门户测试").customers(List.of(own.id())).channels(Set.of(Channel.PORTAL))
                .parameters(Map.of("title", "门户测试标题", "text", "门户测试正文")).build()).id();
        for (int i = 0; i < 50 && noticeQueries.messages(Viewer.system(), noticeId, MessageState.DELIVERED, 0, 1).isEmpty();
             i++) {
            dispatcher.dispatchBatch("view-test");
        }
        signIn("customer", Role.CUSTOMER_NAME);
        PortalInboxView view = open("portal/inbox", PortalInboxView.class);

        var first = view.grid.getGenericDataView().getItems().filter(m -> m.noticeId() == noticeId).findFirst()
                .orElseThrow();
        assertEquals("门户测试标题", first.subject());
        view.grid.select(first);
        assertTrue(view.reader.getElement().getTextRecursively().contains("门户测试正文"));
        assertInstanceOf(PortalInboxView.class, view);
    }

    @Test
    void an_opened_portal_message_stops_being_unread_in_its_row_at_once_and_the_row_names_its_account() {
        Viewer customer = users.viewer("customer");
        CustomerDetails own = customers.ownAccounts(customer).getFirst();
        long noticeId = notices.schedule(Viewer.system(), NoticeRequest.builder(NoticePurpose.GENERAL, "general")
                .title("门户未读测试").customers(List.of(own.id())).channels(Set.of(Channel.PORTAL))
                .parameters(Map.of("title", "门户未读测试标题", "text", "门户未读测试正文")).build()).id();
        for (int i = 0; i < 50 && noticeQueries.messages(Viewer.system(), noticeId, MessageState.DELIVERED, 0, 1).isEmpty();
             i++) {
            dispatcher.dispatchBatch("view-test");
        }
        signIn("customer", Role.CUSTOMER_NAME);
        PortalInboxView view = open("portal/inbox", PortalInboxView.class);
        List<MessageDetails> rows = view.grid.getGenericDataView().getItems().toList();
        int row = rows.indexOf(rows.stream().filter(m -> m.noticeId() == noticeId).findFirst().orElseThrow());
        var grid = test(view.grid);
        assertEquals(own.accountNo() + " " + own.name(), grid.getCellText(row, 1), "the account column");
        assertEquals("未读", grid.getCellText(row, 3));

        view.grid.select(rows.get(row));
        assertEquals("", grid.getCellText(row, 3), "read now, without a reload");
        assertFalse(view.grid.getGenericDataView().getItems().filter(m -> m.noticeId() == noticeId)
                .anyMatch(m -> m.readAt() == null), "and stored as read");
    }

    @Test
    void a_manager_reads_a_reminder_in_the_staff_inbox() {
        Viewer manager = users.viewer("manager");
        long noticeId = notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.VISIT, "general",
                        "员工收件箱测试", List.of(manager.userId()))
                .parameters(Map.of("title", "员工收件箱标题", "text", "员工收件箱正文")).channels(Set.of(Channel.PORTAL))
                .build()).id();
        for (int i = 0; i < 50 && noticeQueries.messages(Viewer.system(), noticeId, MessageState.DELIVERED, 0, 1).isEmpty();
             i++) {
            dispatcher.dispatchBatch("view-test");
        }
        signIn("manager", Role.MANAGER_NAME);
        StaffInboxView view = open("inbox", StaffInboxView.class);

        var mine = view.grid.getGenericDataView().getItems().filter(m -> m.noticeId() == noticeId).findFirst()
                .orElseThrow();
        assertEquals("员工收件箱标题", mine.subject());
        view.grid.select(mine);
        assertTrue(view.reader.getElement().getTextRecursively().contains("员工收件箱正文"));
        assertTrue(noticeInbox.staffInbox(manager, 0, 10_000).stream()
                .anyMatch(m -> m.noticeId() == noticeId && m.readAt() != null), "opening it marked it read");
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void in_the_notice_centre_a_failed_message_is_retried_and_an_uncertain_one_decided() {
        Viewer scheduler = users.viewer("scheduler");
        List<Long> two = customers.search(scheduler, cn.keyaccount.customer.CustomerSearch.all(),
                cn.keyaccount.customer.CustomerSearch.Order.DEFAULT, 3, 2).stream()
                .map(cn.keyaccount.customer.CustomerRow::id).toList();
        long noticeId = notices.schedule(scheduler, NoticeRequest.toCustomers(NoticePurpose.GENERAL, "general", "界面操作", two)
                .parameters(Map.of("title", "t", "text", "x")).channels(Set.of(Channel.PORTAL))
                .plannedAt(java.time.OffsetDateTime.now().plusDays(20)).build()).id();
        List<cn.keyaccount.notice.MessageDetails> ms = noticeQueries.messages(scheduler, noticeId, null, 0, 10);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update notice_message set state = 'FAILED', error = 'test' where id = ?1")
                    .setParameter(1, ms.get(0).id()).executeUpdate();
            em.createNativeQuery("update notice_message set state = 'UNCERTAIN', submit_started_at = now() "
                    + "where id = ?1").setParameter(1, ms.get(1).id()).executeUpdate();
        });
        signIn("scheduler", Role.SCHEDULER_NAME);
        NoticeCentreView view = open("notices", NoticeCentreView.class);
        List<cn.keyaccount.notice.MessageDetails> now = noticeQueries.messages(scheduler, noticeId, null, 0, 10);

        var failed = view.actions(now.get(0));
        var uncertain = view.actions(now.get(1));
        view.add(failed, uncertain);
        assertEquals(1, failed.getComponentCount(), "a failed message offers a retry");
        test((com.vaadin.flow.component.button.Button) failed.getComponentAt(0)).click();
        assertEquals(2, uncertain.getComponentCount(), "an uncertain one: send again, or count as sent");
        test((com.vaadin.flow.component.button.Button) uncertain.getComponentAt(1)).click();

        List<cn.keyaccount.notice.MessageDetails> after = noticeQueries.messages(scheduler, noticeId, null, 0, 10);
        assertTrue(after.get(0).state() != MessageState.FAILED, "back in the queue: " + after.get(0).state());
        assertEquals(MessageState.SENT, after.get(1).state());
        assertTrue(after.get(1).error().contains("scheduler"), after.get(1).error());
        assertEquals(0, view.actions(after.get(1)).getComponentCount());
    }
}
