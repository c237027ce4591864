package cn.keyaccount.notice;

import static cn.keyaccount.notice.NoticeFixtures.SYSTEM;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import cn.keyaccount.support.LoopbackServers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customers' replies over a real SMPP exchange: the loopback SMS centre (jSMPP) sends mobile-originated deliver_sm
 * PDUs to the app's bound link, which stores them through the replies store.
 */
@QuarkusTest
class SmsRepliesTest {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Inject
    NoticeService notices;
    @Inject
    NoticeFixtures fx;
    @Inject
    ReplyQueries replies;
    @Inject
    CustomerTimeline timeline;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
    }

    /** An urgent SMS (the night hours do not hold it) to the contact, delivered. */
    private MessageDetails smsTo(ContactDetails c, NoticePurpose purpose) {
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(purpose, "general").title("回复测试")
                .contacts(List.of(c.id())).channels(Set.of(Channel.SMS))
                .parameters(Map.of("title", "测试", "text", "请回复")).urgent(true).build());
        return fx.await(n.id(), m -> m.state().isFinal(), SETTLE).getFirst();
    }

    /** Sends the MO through the SMS centre and waits until the store lists {@code expected} replies from it. */
    private List<ReplyRow> reply(String from, String mobile, String text, Predicate<List<ReplyRow>> done) {
        assertTrue(LoopbackServers.smsc().sendMo(from, "95598", text), "an MO went out on a bound link");
        long end = System.nanoTime() + SETTLE.toNanos();
        List<ReplyRow> now = repliesFrom(mobile);
        while (!done.test(now)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("replies from " + mobile + ": " + now);
            }
            sleep();
            now = repliesFrom(mobile);
        }
        return now;
    }

    private List<ReplyRow> repliesFrom(String mobile) {
        return replies.list(SYSTEM, ReplyQueries.Show.ALL, mobile, 0, 50);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void a_reply_from_a_contact_is_stored_and_matched_to_the_contact_and_the_last_sms_sent_to_it() {
        long customer = fx.someCustomer(3);
        ContactDetails c = fx.contact(customer, true, false, null, null);
        smsTo(c, NoticePurpose.GENERAL);
        MessageDetails last = smsTo(c, NoticePurpose.BILLING);
        assertEquals(MessageState.DELIVERED, last.state(), String.valueOf(last.error()));

        ReplyRow r = reply("+86 " + c.mobile(), c.mobile(), "好的，谢谢", rows -> rows.size() == 1).getFirst();

        assertEquals("好的，谢谢", r.text(), "UCS-2 decoded");
        assertEquals(c.mobile(), r.mobile(), "the +86 prefix and the blank dropped");
        assertEquals("smpp", r.provider());
        assertEquals("95598", r.toNumber());
        assertEquals(customer, r.customerId());
        assertEquals(c.id(), r.contactId());
        assertEquals(last.id(), r.messageId(), "the last SMS sent to that mobile");
        assertEquals(last.noticeId(), r.noticeId());
        assertEquals(NoticePurpose.BILLING, r.purpose());
        assertEquals(last.body(), r.repliedToText());
        assertNull(r.meaning(), "free text means nothing");
        assertTrue(replies.ofCustomer(SYSTEM, customer, 0, 50).stream().anyMatch(x -> x.id() == r.id()));
        assertTrue(timeline.page(SYSTEM, customer, null, null, null, null, 50, java.util.Locale.SIMPLIFIED_CHINESE)
                .items().stream().anyMatch(e -> "reply".equals(e.source()) && e.id() == r.id()),
                "on the customer's timeline");
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @SuppressWarnings("unchecked")
    private List<Object[]> smsRequests(long customer) {
        return em.createNativeQuery("select subject, request_type, description, owner_id from service_request "
                + "where customer_id = ?1 and source = 'SMS' order by id").setParameter(1, customer).getResultList();
    }

    @Test
    void a_reply_that_asks_something_becomes_a_question_request_for_the_customer_and_a_thank_you_does_not() {
        long customer = fx.someCustomer(5);
        ContactDetails c = fx.contact(customer, true, false, null, null);
        smsTo(c, NoticePurpose.GENERAL);
        int before = smsRequests(customer).size();
        reply(c.mobile(), c.mobile(), "好的，谢谢", rows -> rows.size() == 1);
        reply(c.mobile(), c.mobile(), "请问下个月的检修是哪一天？", rows -> rows.size() == 2);

        long end = System.nanoTime() + SETTLE.toNanos();
        List<Object[]> made = smsRequests(customer);
        while (made.size() < before + 1 && System.nanoTime() < end) {
            sleep();
            made = smsRequests(customer);
        }
        sleep();
        made = smsRequests(customer);
        assertEquals(before + 1, made.size(), "the question became one request, the thank-you none");
        Object[] r = made.getLast();
        assertEquals("请问下个月的检修是哪一天？", r[0]);
        assertEquals("QUESTION", r[1]);
        assertEquals("请问下个月的检修是哪一天？", r[2]);
        Object manager = em.createNativeQuery("select manager_id from customer where id = ?1").setParameter(1, customer)
                .getSingleResult();
        assertEquals(manager == null ? null : ((Number) manager).longValue(),
                r[3] == null ? null : ((Number) r[3]).longValue(), "owned by the customer's manager (else its unit)");
    }

    @Test
    void a_gateway_delivering_the_same_reply_twice_stores_it_once() {
        ContactDetails c = fx.contact(fx.someCustomer(4), true, false, null, null);
        smsTo(c, NoticePurpose.GENERAL);
        reply("86" + c.mobile(), c.mobile(), "收到", rows -> rows.size() == 1);
        // deliver_sm_resp comes back once the reply is stored: after these calls the store has seen both
        assertTrue(LoopbackServers.smsc().sendMo(c.mobile(), "95598", "收到"));
        assertTrue(LoopbackServers.smsc().sendMo("+86" + c.mobile(), "95598", " 收到 "));

        List<ReplyRow> after = reply(c.mobile(), c.mobile(), "另一句", rows -> rows.size() >= 2);

        assertEquals(List.of("另一句", "收到"), after.stream().map(ReplyRow::text).toList(),
                "the repeated MO stored once, a different text stored");
    }

    @Test
    void a_reply_from_a_mobile_nobody_knows_stays_unmatched_and_only_administrators_and_schedulers_see_it() {
        String stranger = "136" + NoticeFixtures.uniqueMobile().substring(3);
        ReplyRow r = reply(stranger, stranger, "你们是谁", rows -> rows.size() == 1).getFirst();

        assertNull(r.customerId());
        assertNull(r.messageId());
        assertTrue(replies.list(SYSTEM, ReplyQueries.Show.UNMATCHED, stranger, 0, 10).stream()
                .anyMatch(x -> x.id() == r.id()));
        Api.as(Login.SCHEDULER).queryParam("show", "UNMATCHED").queryParam("q", stranger).get("/api/replies")
                .then().statusCode(200).body("items.text", hasItem("你们是谁")).body("items[0].mobile", equalTo(stranger));
        Api.as(Login.MANAGER).queryParam("q", stranger).get("/api/replies")
                .then().statusCode(200).body("items.text", not(hasItem("你们是谁")));
        Api.as(Login.MANAGER).queryParam("show", "UNMATCHED").get("/api/replies").then().statusCode(403);
    }

    @Test
    void a_manager_reads_the_replies_of_their_own_customers_masked_and_not_those_of_others() {
        long own = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        long other = Api.hiddenCustomerId(Login.MANAGER);
        ContactDetails mine = fx.contact(own, true, false, null, null);
        ContactDetails theirs = fx.contact(other, true, false, null, null);
        smsTo(mine, NoticePurpose.GENERAL);
        smsTo(theirs, NoticePurpose.GENERAL);
        reply(mine.mobile(), mine.mobile(), "我方回复", rows -> rows.size() == 1);
        reply(theirs.mobile(), theirs.mobile(), "他方回复", rows -> rows.size() == 1);

        String masked = mine.mobile().substring(0, 3) + "****" + mine.mobile().substring(7);
        Api.as(Login.MANAGER).get("/api/customers/" + own + "/replies").then().statusCode(200)
                .body("items.text", hasItem("我方回复")).body("items.mobile", hasItem(masked))
                .body("items.mobile", not(hasItem(mine.mobile())));
        Api.as(Login.MANAGER).get("/api/customers/" + other + "/replies").then().statusCode(404);
        Api.as(Login.MANAGER).queryParam("size", 500).get("/api/replies").then().statusCode(200)
                .body("items.text", hasItem("我方回复")).body("items.text", not(hasItem("他方回复")));
        Api.as(Login.CUSTOMER).get("/api/customers/" + own + "/replies").then().statusCode(403);
    }

    @Test
    void the_demo_company_has_a_few_replies_one_of_them_confirming_a_visit_and_one_unmatched() {
        List<ReplyRow> demo = replies.list(SYSTEM, ReplyQueries.Show.ALL, null, 0, 500).stream()
                .filter(r -> r.provider().equals("demo")).toList();

        assertTrue(demo.stream().anyMatch(r -> r.meaning() == ReplyMeaning.CONFIRM
                && r.purpose() == NoticePurpose.VISIT), String.valueOf(demo));
        assertTrue(demo.stream().anyMatch(r -> !r.matched()), String.valueOf(demo));
    }
}
