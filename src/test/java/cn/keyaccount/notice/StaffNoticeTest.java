package cn.keyaccount.notice;

import static cn.keyaccount.notice.NoticeFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanFixtures;
import cn.keyaccount.supplyplan.PlanTaskReminders;
import cn.keyaccount.supplyplan.TaskDetails;
import cn.keyaccount.support.LoopbackServers;
import cn.keyaccount.support.RecordingSmsc;
import cn.keyaccount.visit.VisitDetails;
import cn.keyaccount.visit.VisitDraft;
import cn.keyaccount.visit.VisitReminders;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.visit.VisitType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff users as recipients: SMS, e-mail and the staff inbox, and the two reminder jobs that use them. */
@QuarkusTest
class StaffNoticeTest {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Inject
    NoticeService notices;

    @Inject
    NoticeInbox noticeInbox;
    @Inject
    VisitReminders visitReminders;
    @Inject
    PlanTaskReminders taskReminders;
    @Inject
    NoticeFixtures fx;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    VisitService visits;
    @Inject
    PlanFixtures plans;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
    }

    private UserSummary freshManager() {
        return freshManager(users.viewer("manager").unitId());
    }

    private UserSummary freshManager(long unitId) {
        String mobile = NoticeFixtures.uniqueMobile();
        Viewer admin = users.viewer("admin");
        return users.create(admin, new cn.keyaccount.security.NewUser("staff" + mobile, "Staff@2026-test",
                "测试经理" + mobile.substring(7), Role.ACCOUNT_MANAGER, unitId, mobile,
                "staff" + mobile + "@qinghe.example.cn"));
    }

    private static Viewer viewerOf(UserSummary u) {
        return new Viewer(u.id(), u.username(), u.displayName(), u.role(), u.unitId(), u.unitPath());
    }

    private static boolean settledOrSent(MessageDetails m) {
        return m.state().isFinal() || m.state() == MessageState.SENT;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(LoopbackServers.mail().getReceivedMessages()).filter(x -> {
            try {
                return x.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void a_staff_user_gets_an_sms_an_email_and_an_inbox_message_about_a_customer_once() throws Exception {
        UserSummary staff = freshManager();
        long customer = fx.someCustomer(20);
        NoticeRequest request = NoticeRequest.toStaff(NoticePurpose.GENERAL, "general", "员工测试", List.of(staff.id()))
                .about(customer).parameters(Map.of("title", "员工提醒", "text", "请关注该客户的用电情况")).urgent(true)
                .once("staff-test:" + staff.id()).build();
        NoticeSummary n = notices.schedule(SYSTEM, request);
        List<MessageDetails> ms = fx.await(n.id(), StaffNoticeTest::settledOrSent, SETTLE);

        assertEquals(3, ms.size(), ms.toString());
        assertTrue(ms.stream().allMatch(m -> m.userId() == staff.id() && m.customerId() == customer));
        MessageDetails sms = ms.stream().filter(m -> m.channel() == Channel.SMS).findFirst().orElseThrow();
        assertEquals(MessageState.DELIVERED, sms.state(), String.valueOf(sms.error()));
        List<RecordingSmsc.Submit> submits = LoopbackServers.smsc().submitsTo(staff.mobile());
        assertEquals(1, submits.size());
        String customerName = customers.detailsOf(SYSTEM, List.of(customer)).getFirst().name();
        assertTrue(submits.getFirst().text().contains(customerName), submits.getFirst().text());
        assertEquals(1, mailsTo(staff.email()).size());
        assertTrue(mailsTo(staff.email()).getFirst().getSubject().contains("员工提醒"));

        Viewer me = viewerOf(staff);
        List<MessageDetails> inbox = noticeInbox.staffInbox(me, 0, 10);
        assertEquals(1, inbox.size());
        assertEquals(MessageState.DELIVERED, inbox.getFirst().state());
        noticeInbox.markRead(me, inbox.getFirst().id());
        assertNotNull(noticeInbox.staffInbox(me, 0, 10).getFirst().readAt());
        assertEquals(0, noticeInbox.countUnreadStaffInbox(me));
        assertEquals(0, noticeInbox.countStaffInbox(users.viewer("scheduler")) - noticeInbox.staffInbox(
                users.viewer("scheduler"), 0, 10_000).size(), "another user's inbox is their own");
        assertTrue(noticeInbox.staffInbox(users.viewer("scheduler"), 0, 10_000).stream()
                .noneMatch(m -> m.noticeId() == n.id()));

        assertTrue(noticeInbox.history(SYSTEM, customer, 0, 50).stream().anyMatch(m -> m.noticeId() == n.id()),
                "staff see the staff message in the customer's history");

        NoticeSummary again = notices.schedule(SYSTEM, request);
        assertEquals(n.id(), again.id(), "the same cause schedules once");
        assertEquals(3, fx.messages(n.id()).size());
    }

    @Test
    void a_customer_user_never_sees_what_staff_were_told_about_them() {
        Viewer customer = users.viewer("customer");
        CustomerDetails own = customers.ownAccounts(customer).getFirst();
        UserSummary staff = freshManager();
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.toStaff(NoticePurpose.GENERAL, "general", "内部",
                List.of(staff.id())).about(own.id()).parameters(Map.of("title", "内部提醒", "text", "客户欠费较多")).build());
        fx.await(n.id(), m -> m.channel() != Channel.PORTAL || m.state() == MessageState.DELIVERED, SETTLE);

        assertTrue(noticeInbox.history(customer, own.id(), 0, 1000).stream().noneMatch(m -> m.noticeId() == n.id()));
        assertTrue(noticeInbox.inbox(customer, 0, 1000).stream().noneMatch(m -> m.noticeId() == n.id()));
        assertTrue(noticeInbox.history(SYSTEM, own.id(), 0, 1000).stream().anyMatch(m -> m.noticeId() == n.id()));
    }

    @Test
    void a_staff_user_out_of_the_senders_reach_is_reported_absent() {
        UserSummary staff = freshManager(users.viewer("supervisor").unitId());
        Viewer manager = users.viewer("manager");
        var e = org.junit.jupiter.api.Assertions.assertThrows(cn.keyaccount.base.BusinessException.class,
                () -> notices.schedule(manager, NoticeRequest.toStaff(NoticePurpose.GENERAL, "general", "越权",
                        List.of(staff.id())).parameters(Map.of("title", "t", "text", "x")).build()));
        assertEquals("error.user-not-found", e.key());
    }

    @Test
    void the_day_before_a_visit_its_manager_is_reminded_by_mail_and_in_the_inbox_once() {
        long customer = fx.someCustomer(21);
        LocalDate day = LocalDate.of(2090 + (int) (System.nanoTime() % 9), 5, 2 + (int) (System.nanoTime() % 25));
        VisitDetails v = visits.create(SYSTEM, new VisitDraft(customer, VisitType.SAFETY_INSPECTION, day,
                LocalTime.of(14, 30)));
        assertTrue(visitReminders.remindManagers(day.minusDays(1)) >= 1);
        assertTrue(visitReminders.remindManagers(day.minusDays(1)) >= 1);

        List<MessageDetails> history = noticeInbox.history(SYSTEM, customer, 0, 200);
        List<MessageDetails> mine = history.stream().filter(MessageDetails::toStaff)
                .filter(m -> "VISIT".equals(m.purpose()) && m.subject() != null && m.subject().contains(day.toString())
                        || m.channel() == Channel.SMS && "VISIT".equals(m.purpose()) && m.body().contains(day.toString()))
                .toList();
        assertEquals(3, mine.size(), "SMS, e-mail and inbox, once although the job ran twice: " + mine);
        List<MessageDetails> toCustomer = history.stream().filter(m -> !m.toStaff() && "VISIT".equals(m.purpose())
                && m.body().contains(day.toString())).toList();
        assertTrue(!toCustomer.isEmpty() && toCustomer.stream().allMatch(m -> m.channel() == Channel.SMS
                && m.body().contains("回复1确认")), "the customer's contacts get the visit SMS: " + toCustomer);
        assertEquals(toCustomer.size(), toCustomer.stream().map(MessageDetails::recipientName).distinct().count(),
                "once per contact although the job ran twice");
        long noticeId = mine.getFirst().noticeId();
        assertTrue(mine.stream().allMatch(m -> m.noticeId() == noticeId && m.toStaff()));
        MessageDetails sms = mine.stream().filter(m -> m.channel() == Channel.SMS).findFirst().orElseThrow();
        assertTrue(sms.body().contains("用电安全检查") && sms.body().contains("14:30"), sms.body());

        List<MessageDetails> done = fx.await(noticeId, m -> m.channel() == Channel.SMS || settledOrSent(m), SETTLE);
        long managerId = done.getFirst().userId();
        Viewer manager = users.viewer(users.get(SYSTEM, managerId).username());
        assertTrue(noticeInbox.staffInbox(manager, 0, 10_000).stream().anyMatch(m -> m.noticeId() == noticeId));
        assertEquals(1, mailsTo(users.get(SYSTEM, managerId).email()).stream().filter(x -> {
            try {
                return x.getSubject().contains(day.toString());
            } catch (Exception e) {
                return false;
            }
        }).count());
    }

    @Test
    void a_supply_plan_task_falling_due_reminds_the_plan_author() {
        Viewer manager = users.viewer("manager");
        PlanDetails p = plans.draft(manager, plans.managersCustomer(), PlanFixtures.freshWeek());
        TaskDetails task = p.tasks().getFirst();
        int n = taskReminders.remindOwners(task.dueOn().minusDays(1));
        assertTrue(n >= 1);

        List<MessageDetails> about = noticeInbox.history(SYSTEM, p.customerId(), 0, 500).stream()
                .filter(m -> "PLAN".equals(m.purpose()) && m.noticeTitle().contains(task.title())
                        && m.noticeTitle().contains(task.dueOn().toString()))
                .toList();
        assertEquals(3, about.size(), about.toString());
        assertTrue(about.stream().allMatch(m -> m.userId() == manager.userId()), "no owner user: the author");
        taskReminders.remindOwners(task.dueOn().minusDays(1));
        assertEquals(3, noticeInbox.history(SYSTEM, p.customerId(), 0, 500).stream()
                .filter(m -> m.noticeId() == about.getFirst().noticeId()).count());
        fx.await(about.getFirst().noticeId(), m -> m.channel() == Channel.SMS || settledOrSent(m), SETTLE);
        assertTrue(noticeInbox.staffInbox(manager, 0, 10_000).stream()
                .anyMatch(m -> m.noticeId() == about.getFirst().noticeId() && m.body().contains(p.title())));
    }
}
