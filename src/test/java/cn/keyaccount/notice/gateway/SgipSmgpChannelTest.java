package cn.keyaccount.notice.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.notice.ReplyQueries;
import cn.keyaccount.notice.ReplyRow;
import cn.keyaccount.support.LoopbackServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notice engine over SGIP (China Unicom) and SMGP (China Telecom) against the server sides of SMSGate on loopback
 * (a library we did not write; for SGIP its client side also connects back to our listener, as an SMG does): long
 * texts arrive whole at the handset, status reports are matched, a carrier's refusal carries its code and meaning, a
 * dropped link comes back without a message sent twice, customers' replies are stored, and an SGIP account that goes
 * away fails over to the SMGP one.
 */
@QuarkusTest
@TestProfile(CarrierProfile.class)
class SgipSmgpChannelTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static SgipPeer sgip;
    private static SmgpPeer smgp;

    @Inject
    CmppPeers peers;
    @Inject
    ReplyQueries replies;
    @Inject
    SmsConnectionTest connectionTest;
    @Inject
    SmsProviders providers;
    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void gateways() {
        LoopbackServers.start();
        sgip = CarrierProfile.sgip();
        smgp = CarrierProfile.smgp();
    }

    @AfterAll
    static void stop() {
        sgip.close();
        smgp.close();
    }

    private void bothUp() {
        peers.awaitUp("unicom");
        peers.awaitUp("telecom");
        long end = System.nanoTime() + SETTLE.toNanos();
        while (!sgip.backUp() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertTrue(sgip.backUp(), "the SMG logged in to our listener");
    }

    /** Sends one SMS to each and waits until all are final. */
    private List<MessageDetails> send(List<ContactDetails> to, String text) {
        NoticeSummary n = peers.sms(to, text);
        return peers.await(n.id(), m -> m.state().isFinal(), SETTLE);
    }

    private int everywhere(String mobile) {
        return sgip.messagesTo(mobile) + smgp.messagesTo(mobile) + LoopbackServers.smsc().submitsTo(mobile).size();
    }

    @Test
    void a_long_chinese_text_over_sgip_arrives_whole_at_the_handset_and_its_report_delivers_it() {
        bothUp();
        ContactDetails c = peers.contact(3, "156");
        String text = "国网客户经理提醒：" + "您单位本月的电费已出账，请按时缴纳。".repeat(6);

        MessageDetails m = send(List.of(c), text).getFirst();

        assertEquals(MessageState.DELIVERED, m.state(), String.valueOf(m.error()));
        assertTrue(m.providerMessageId().startsWith("unicom:"), m.providerMessageId());
        assertEquals(List.of(m.body()), sgip.textsTo(c.mobile()), "one message, whole, at the handset");
        assertTrue(m.segments() >= 3, "a text of " + m.body().length() + " characters: " + m.segments() + " parts");
        assertEquals(m.segments(), sgip.partsTo(c.mobile()), "each part a submit of its own");
        assertEquals(0, smgp.messagesTo(c.mobile()), "not through the other account");
    }

    @Test
    void a_long_chinese_text_over_smgp_arrives_whole_at_the_handset_and_its_report_delivers_it() {
        bothUp();
        ContactDetails c = peers.contact(3, "189");
        String text = "计划停电通知：" + "因线路检修，您单位所在区域将于周六上午停电，请提前安排生产。".repeat(4);

        MessageDetails m = send(List.of(c), text).getFirst();

        assertEquals(MessageState.DELIVERED, m.state(), String.valueOf(m.error()));
        assertTrue(m.providerMessageId().startsWith("telecom:"), m.providerMessageId());
        assertEquals(List.of(m.body()), smgp.textsTo(c.mobile()), "one message, whole, at the handset");
        assertTrue(m.segments() >= 3, "several parts: " + m.segments());
        assertEquals(m.segments(), smgp.partsTo(c.mobile()), "each part a submit of its own");
    }

    @Test
    void a_refusal_with_a_carrier_code_fails_the_message_once_with_the_codes_meaning() {
        bothUp();
        ContactDetails unicomWrong = peers.contact(4, "156");
        ContactDetails telecomWrong = peers.contact(4, "189");
        sgip.refuse.put(unicomWrong.mobile(), 6);
        smgp.refuse.put(telecomWrong.mobile(), 47);

        List<MessageDetails> done = send(List.of(unicomWrong, telecomWrong), "停电通知");

        MessageDetails u = byName(done, unicomWrong);
        assertEquals(MessageState.FAILED, u.state());
        assertTrue(u.error().startsWith("SGIP gateway unicom refused the submit: result 6 (illegal mobile number)"),
                u.error());
        assertEquals(1, u.attempts(), "a permanent refusal is not tried again");
        assertEquals(0, smgp.messagesTo(unicomWrong.mobile()), "a refusal is no reason to fail over");
        MessageDetails t = byName(done, telecomWrong);
        assertEquals(MessageState.FAILED, t.state());
        assertTrue(t.error().startsWith("SMGP gateway telecom refused the submit: result 47 (illegal DestTermId)"),
                t.error());

        SmsConnectionTest.Answer answer = connectionTest.test(CmppPeers.SYSTEM, telecomWrong.mobile(), "telecom")
                .getFirst();
        assertEquals(SmsConnectionTest.Outcome.REFUSED, answer.outcome());
        assertEquals(47L, answer.resultCode());
        assertEquals("SMGP 3.0", answer.protocol());
    }

    @Test
    void the_connection_test_sends_one_sms_through_each_carrier_account_and_shows_its_answer() {
        bothUp();
        String mobile = CmppPeers.mobile("156");

        List<SmsConnectionTest.Answer> answers = connectionTest.test(CmppPeers.SYSTEM, mobile, null);

        assertEquals(List.of("unicom", "telecom", "default"), answers.stream().map(SmsConnectionTest.Answer::provider)
                .toList());
        assertEquals(SmsConnectionTest.Outcome.ACCEPTED, answers.get(0).outcome());
        assertEquals("SGIP 1.2", answers.get(0).protocol());
        assertTrue(answers.get(0).messageId().startsWith("unicom:"), answers.get(0).messageId());
        assertEquals(SmsConnectionTest.Outcome.ACCEPTED, answers.get(1).outcome());
        assertTrue(answers.get(1).messageId().startsWith("telecom:"), answers.get(1).messageId());
        assertEquals(1, sgip.messagesTo(mobile));
        assertEquals(1, smgp.messagesTo(mobile));
    }

    @Test
    void after_the_gateway_drops_the_link_each_account_logs_in_again_and_sends_once() {
        bothUp();
        send(List.of(peers.contact(6, "156"), peers.contact(6, "189")), "连接前");

        sgip.dropLinks();
        smgp.dropLinks();
        ContactDetails u = peers.contact(6, "156");
        ContactDetails t = peers.contact(6, "189");
        List<MessageDetails> done = send(List.of(u, t), "断线后");

        for (MessageDetails m : done) {
            assertEquals(MessageState.DELIVERED, m.state(), m.recipientName() + ": " + m.error());
        }
        assertEquals(1, everywhere(u.mobile()), "sent once, by whichever link was up");
        assertEquals(1, everywhere(t.mobile()), "sent once, by whichever link was up");

        bothUp();
        List<MessageDetails> again = send(List.of(peers.contact(6, "156"), peers.contact(6, "189")), "重新登录后");
        assertTrue(again.stream().anyMatch(m -> m.providerMessageId().startsWith("unicom:")), again.toString());
        assertTrue(again.stream().anyMatch(m -> m.providerMessageId().startsWith("telecom:")), again.toString());
    }

    @Test
    void a_customers_reply_through_sgip_or_smgp_is_stored_and_matched_to_the_last_sms_sent_to_them() {
        bothUp();
        ContactDetails u = peers.contact(5, "156");
        ContactDetails t = peers.contact(5, "189");
        List<MessageDetails> sent = send(List.of(u, t), "请回复 1 确认走访");
        String longReply = "1 确认走访。" + "我们下周二上午在厂区等您，请提前联系门卫。".repeat(4);

        sgip.reply(u.mobile(), CarrierProfile.SGIP_SOURCE + "01", longReply);
        smgp.reply(t.mobile(), CarrierProfile.SMGP_SOURCE, "好的");

        ReplyRow viaSgip = awaitReply(u.mobile());
        assertEquals("unicom", viaSgip.provider());
        assertEquals(longReply, viaSgip.text(), "the parts merged");
        assertEquals(CarrierProfile.SGIP_SOURCE + "01", viaSgip.toNumber(), "our number with the extension");
        assertEquals(u.id(), viaSgip.contactId());
        assertEquals(byName(sent, u).id(), viaSgip.messageId());
        ReplyRow viaSmgp = awaitReply(t.mobile());
        assertEquals("telecom", viaSmgp.provider());
        assertEquals("好的", viaSmgp.text());
        assertEquals(t.id(), viaSmgp.contactId());
        assertEquals(byName(sent, t).id(), viaSmgp.messageId());
    }

    @Test
    void the_readiness_answer_and_the_metrics_show_each_carrier_accounts_link() {
        bothUp();
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'SMS centre link' }.data.unicom", Matchers.equalTo("up"))
                .body("checks.find { it.name == 'SMS centre link' }.data.telecom", Matchers.equalTo("up"));
        assertEquals(1.0, registry.get("keyaccount.notice.sms.provider.link")
                .tags("provider", "unicom", "protocol", "SGIP 1.2", "state", "up").gauge().value());
        assertEquals(1.0, registry.get("keyaccount.notice.sms.provider.link")
                .tags("provider", "telecom", "protocol", "SMGP 3.0", "state", "up").gauge().value());
    }

    @Test
    void when_the_sgip_gateway_goes_away_the_smgp_account_sends_the_rest_and_none_twice() {
        bothUp();
        List<ContactDetails> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(peers.contact(7, "156"));
        }
        sgip.close();
        try {
            long end = System.nanoTime() + SETTLE.toNanos();
            while (providers.named("unicom").orElseThrow().linkState() == SmsGateway.LinkState.UP
                    && System.nanoTime() < end) {
                Thread.onSpinWait();
            }

            List<MessageDetails> done = send(people, "故障抢修通知");

            for (MessageDetails m : done) {
                assertEquals(MessageState.DELIVERED, m.state(), m.recipientName() + ": " + m.error());
                assertTrue(m.providerMessageId().startsWith("telecom:"), m.providerMessageId());
            }
            for (ContactDetails c : people) {
                assertEquals(1, everywhere(c.mobile()), "each handset got its message once: " + c.mobile());
                assertEquals(1, smgp.messagesTo(c.mobile()));
            }
        } finally {
            sgip = CarrierProfile.sgip();
        }
    }

    private ReplyRow awaitReply(String mobile) {
        long end = System.nanoTime() + SETTLE.toNanos();
        List<ReplyRow> rows = replies.list(CmppPeers.SYSTEM, ReplyQueries.Show.ALL, mobile, 0, 10);
        while (rows.isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no reply stored from " + mobile);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            rows = replies.list(CmppPeers.SYSTEM, ReplyQueries.Show.ALL, mobile, 0, 10);
        }
        return rows.getFirst();
    }

    private static MessageDetails byName(List<MessageDetails> done, ContactDetails c) {
        return done.stream().filter(m -> m.recipientName().equals(c.name())).findFirst().orElseThrow();
    }
}
