package cn.keyaccount.notice;

import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** Contacts of their own for each notice test, and waiting for messages to reach a state. */
@ApplicationScoped
class NoticeFixtures {

    static final Viewer SYSTEM = Viewer.system();

    private final CustomerService customers;
    private final ContactService contacts;
    private final NoticeQueries notices;
    private final NoticeDispatcher dispatcher;

    NoticeFixtures(CustomerService customers, ContactService contacts, NoticeQueries notices,
                   NoticeDispatcher dispatcher) {
        this.customers = customers;
        this.contacts = contacts;
        this.notices = notices;
        this.dispatcher = dispatcher;
    }

    long someCustomer(int index) {
        return customers.search(SYSTEM, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, index, 1).getFirst().id();
    }

    static String uniqueMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    ContactDetails contact(long customerId, boolean sms, boolean email, LocalTime quietFrom, LocalTime quietTo) {
        ContactDraft d = new ContactDraft();
        String mobile = uniqueMobile();
        d.setName("测试" + mobile.substring(7));
        d.setRole("电费联系人");
        d.setMobile(mobile);
        d.setEmail("c" + mobile + "@customer.example.cn");
        d.setAcceptsSms(sms);
        d.setAcceptsEmail(email);
        d.setAcceptsPortal(true);
        d.setQuietFrom(quietFrom);
        d.setQuietTo(quietTo);
        return contacts.add(SYSTEM, customerId, d);
    }

    List<MessageDetails> messages(long noticeId) {
        return notices.messages(SYSTEM, noticeId, null, 0, 1000);
    }

    /** Dispatches (as this test's own node, beside the Quartz job) until every message of the notice matches. */
    List<MessageDetails> await(long noticeId, Predicate<MessageDetails> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<MessageDetails> now = messages(noticeId);
        while (!now.stream().allMatch(done)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("messages did not settle: " + now);
            }
            dispatcher.dispatchBatch("test-node");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            now = messages(noticeId);
        }
        return now;
    }
}
