package cn.keyaccount.notice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.NoticeDispatcher;
import cn.keyaccount.notice.NoticeRequest;
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
    void a_customer_user_reads_a_portal_notice_in_the_inbox() {
        Viewer customer = users.viewer("customer");
        CustomerDetails own = customers.ownAccounts(customer).getFirst();
        long noticeId = notices.schedule(Viewer.system(), new NoticeRequest("GENERAL", "general", "zh",
                "门户测试", List.of(own.id()), List.of(), null, Set.of(Channel.PORTAL),
                Map.of("title", "门户测试标题", "text", "门户测试正文"), null, null, false, null)).id();
        for (int i = 0; i < 50 && notices.messages(Viewer.system(), noticeId, MessageState.DELIVERED, 0, 1).isEmpty();
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
    void a_manager_reads_a_reminder_in_the_staff_inbox() {
        Viewer manager = users.viewer("manager");
        long noticeId = notices.schedule(Viewer.system(), NoticeRequest.toStaff("VISIT", "general", "员工收件箱测试",
                List.of(manager.userId()), null, Map.of("title", "员工收件箱标题", "text", "员工收件箱正文"))
                .withChannels(Set.of(Channel.PORTAL))).id();
        for (int i = 0; i < 50 && notices.messages(Viewer.system(), noticeId, MessageState.DELIVERED, 0, 1).isEmpty();
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
        assertTrue(notices.staffInbox(manager, 0, 10_000).stream()
                .anyMatch(m -> m.noticeId() == noticeId && m.readAt() != null), "opening it marked it read");
    }
}
