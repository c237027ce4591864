package cn.keyaccount.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.NoticeDispatcher;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.LoopbackServers;
import cn.keyaccount.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer confirms a visit by replying "1" to the visit's SMS: the reminder job's customer SMS goes out through the
 * loopback SMS centre, which sends the contact's reply (a mobile-originated deliver_sm) back to the app.
 */
@QuarkusTest
class VisitRepliesTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Inject
    VisitService visits;
    @Inject
    VisitReminders reminders;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    ContactService contacts;
    @Inject
    NoticeQueries noticeQueries;
    @Inject
    NoticeDispatcher dispatcher;
    @Inject
    AuditService audit;
    @Inject
    EntityManager em;
    @Inject
    TestClock time;
    @Inject
    Clock clock;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
    }

    @AfterEach
    void realTime() {
        time.reset();
    }

    /**
     * SMS wait for the morning at night (22:00–08:00): a night run moves the clock back to 21:00, before the night
     * hours (the queue is claimed by the database's time, which is then later than every message's due time).
     */
    private void daytime() {
        ZonedDateTime now = ZonedDateTime.now(time.zone());
        if (now.toLocalTime().isBefore(LocalTime.of(8, 30))) {
            time.set(now.minusDays(1).with(LocalTime.of(21, 0)));
        } else if (now.toLocalTime().isAfter(LocalTime.of(21, 30))) {
            time.set(now.with(LocalTime.of(21, 0)));
        }
    }

    @Test
    void a_reply_of_1_to_the_visit_sms_confirms_the_visit_for_the_customer_with_an_audit_record() throws Exception {
        daytime();
        Viewer manager = users.viewer("mgr27");
        long customer = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1)
                .getFirst().id();
        ContactDetails contact = contact(customer);
        LocalDate day = VisitDates.today(clock).plusDays(40 + ThreadLocalRandom.current().nextInt(20));
        VisitRow visit = visits.create(manager, new VisitDraft(customer, VisitType.ROUTINE, day, LocalTime.of(10, 0)))
                .visit();

        reminders.remindManagers(day.minusDays(1));
        long noticeId = ((Number) em.createNativeQuery("select id from notice where dedupe_key = :k")
                .setParameter("k", "visit-customer:" + visit.id() + ":" + day).getSingleResult()).longValue();
        MessageDetails sms = await(noticeId, contact.name());
        assertEquals(Channel.SMS, sms.channel());
        assertEquals(MessageState.DELIVERED, sms.state(), String.valueOf(sms.error()));
        assertTrue(sms.body().contains("回复1确认"), sms.body());

        assertTrue(LoopbackServers.smsc().sendMo("+86" + contact.mobile(), "95598", "1"));

        VisitRow confirmed = visits.get(manager, visit.id()).visit();
        assertEquals(CustomerResponse.CONFIRMED, confirmed.customerResponse());
        assertEquals(VisitStatus.CONFIRMED, confirmed.status());
        assertTrue(audit.find(AuditQuery.forCustomer(customer), 0, 20).stream()
                .anyMatch(e -> e.action().equals("VISIT_CUSTOMER_CONFIRMED") && e.actor().equals("system")
                        && e.entityId() == visit.id() && e.summary().contains("****")));
    }

    private ContactDetails contact(long customer) {
        String mobile = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ContactDraft d = new ContactDraft();
        d.setName("走访" + mobile.substring(7));
        d.setRole("电气负责人");
        d.setMobile(mobile);
        d.setAcceptsSms(true);
        d.setAcceptsEmail(false);
        return contacts.add(Viewer.system(), customer, d);
    }

    private MessageDetails await(long noticeId, String recipient) throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            List<MessageDetails> mine = noticeQueries.messages(Viewer.system(), noticeId, null, 0, 100).stream()
                    .filter(m -> m.recipientName().equals(recipient)).toList();
            if (!mine.isEmpty() && mine.getFirst().state().isFinal()) {
                return mine.getFirst();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not sent: " + mine);
            }
            dispatcher.dispatchBatch("visit-replies-test");
            Thread.sleep(100);
        }
    }
}
