package cn.keyaccount.notice.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.support.LoopbackServers;
import com.zx.sms.codec.cmpp.msg.CmppSubmitRequestMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notice engine over CMPP against the server side of SMSGate on loopback (a library we did not write): long texts
 * in UCS-2 parts, status reports matched by the gateway's Msg_Id, carrier error codes, a gateway that answers too
 * late (the message is UNCERTAIN and settled by its report, never sent again) and one whose link drops.
 */
@QuarkusTest
@TestProfile(CmppProfile.class)
class CmppChannelTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Inject
    CmppPeers peers;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
        CmppPeers.primary();
        CmppPeers.backup();
    }

    @Test
    void a_long_text_goes_out_in_ucs2_parts_with_a_concatenation_header_and_its_status_report_delivers_it() {
        peers.awaitUp("cmcc");
        ContactDetails c = peers.contact(3);
        String text = "国网客户经理提醒：" + "您单位本月的电费已出账，请按时缴纳。".repeat(6);
        NoticeSummary n = peers.sms(List.of(c), text);

        MessageDetails m = peers.await(n.id(), x -> x.state() == MessageState.DELIVERED, SETTLE).getFirst();

        assertTrue(m.providerMessageId().startsWith("cmcc:"), m.providerMessageId());
        CmppPeer gateway = CmppPeers.primary();
        assertEquals(1, gateway.messagesTo(c.mobile()), "one message at the gateway");
        List<CmppSubmitRequestMessage> parts = gateway.received.stream()
                .filter(p -> p.getDestterminalId()[0].equals(c.mobile())).toList();
        assertEquals(m.segments(), parts.size(), "each segment is a submit of its own");
        assertTrue(parts.size() >= 3, "a text of " + m.body().length() + " characters takes several parts");
        for (CmppSubmitRequestMessage p : parts) {
            assertEquals(8, p.getMsgfmt().getValue(), "UCS-2 (Msg_Fmt 8)");
            assertEquals(1, p.getTpudhi(), "with a user data header");
            assertEquals(parts.size(), p.getPktotal());
            assertEquals(CmppProfile.SOURCE, p.getSrcId().substring(0, CmppProfile.SOURCE.length()));
            assertEquals("MKA0012", p.getServiceId());
            assertEquals(1, p.getRegisteredDelivery(), "each part asks for a status report");
        }
        String joined = parts.stream().sorted(java.util.Comparator.comparing(CmppSubmitRequestMessage::getPknumber))
                .map(CmppSubmitRequestMessage::getMsgContent).reduce("", String::concat);
        assertEquals(m.body(), joined, "the parts put together are the text");
    }

    @Test
    void a_submit_the_gateway_refuses_with_a_carrier_error_code_fails_the_message_with_that_code() {
        peers.awaitUp("cmcc");
        ContactDetails wrongNumber = peers.contact(4);
        ContactDetails fine = peers.contact(4);
        CmppPeers.primary().refuse.put(wrongNumber.mobile(), 13);
        NoticeSummary n = peers.sms(List.of(wrongNumber, fine), "停电通知");

        List<MessageDetails> done = peers.await(n.id(), x -> x.state().isFinal(), SETTLE);

        MessageDetails refused = done.stream().filter(x -> x.recipientName().equals(wrongNumber.name())).findFirst()
                .orElseThrow();
        assertEquals(MessageState.FAILED, refused.state());
        assertTrue(refused.error().contains("result 13 (Dest_terminal_Id error)"), refused.error());
        assertEquals(1, refused.attempts(), "a permanent refusal is not tried again");
        assertEquals(0, CmppPeers.backup().messagesTo(wrongNumber.mobile()), "a refusal is no reason to fail over");
        assertEquals(MessageState.DELIVERED, done.stream().filter(x -> x.recipientName().equals(fine.name()))
                .findFirst().orElseThrow().state());
    }

    @Test
    void a_gateway_that_answers_after_the_timeout_leaves_the_message_uncertain_until_its_report_settles_it() {
        peers.awaitUp("cmcc");
        ContactDetails c = peers.contact(5);
        CmppPeer gateway = CmppPeers.primary();
        gateway.answerDelayMillis = 3500;
        NoticeSummary n;
        try {
            n = peers.sms(List.of(c), "计划检修通知");
            peers.await(n.id(), x -> x.state() == MessageState.UNCERTAIN || x.state() == MessageState.DELIVERED,
                    SETTLE);
        } finally {
            gateway.answerDelayMillis = 0;
        }
        MessageDetails m = peers.await(n.id(), x -> x.state() == MessageState.DELIVERED, SETTLE).getFirst();

        assertTrue(m.error().contains("settled by its delivery receipt"), m.error());
        assertTrue(m.providerMessageId().startsWith("cmcc:"), "the report's id: " + m.providerMessageId());
        assertEquals(1, gateway.messagesTo(c.mobile()), "sent once: not again after the timeout");
        assertEquals(0, CmppPeers.backup().messagesTo(c.mobile()), "not failed over either");
    }

    @Test
    void after_the_gateway_drops_the_link_the_channel_logs_in_again_and_sends() {
        peers.awaitUp("cmcc");
        CmppPeer gateway = CmppPeers.primary();
        peers.await(peers.sms(List.of(peers.contact(6)), "连接前").id(), x -> x.state() == MessageState.DELIVERED,
                SETTLE);

        gateway.dropLinks();
        ContactDetails after = peers.contact(6);
        MessageDetails m = peers.await(peers.sms(List.of(after), "断线后").id(),
                x -> x.state() == MessageState.DELIVERED, SETTLE).getFirst();

        int atSmsc = LoopbackServers.smsc().submitsTo(after.mobile()).size();
        assertEquals(1, gateway.messagesTo(after.mobile()) + CmppPeers.backup().messagesTo(after.mobile()) + atSmsc,
                "sent once, by whichever link was up (" + m.providerMessageId() + ")");
    }

    @Test
    void when_the_first_providers_gateway_goes_away_mid_fan_out_the_next_provider_sends_the_rest_and_none_twice() {
        peers.awaitUp("cmcc");
        peers.awaitUp("backup");
        List<ContactDetails> people = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            people.add(peers.contact(7));
        }
        CmppPeer primary = CmppPeers.primary();
        CmppPeer backup = CmppPeers.backup();
        primary.answerDelayMillis = 150;
        // the primary gateway goes away once it has taken five of them, while the others are being sent
        java.util.concurrent.CompletableFuture<Void> outage = java.util.concurrent.CompletableFuture.runAsync(() -> {
            long end = System.nanoTime() + SETTLE.toNanos();
            while (people.stream().mapToInt(c -> primary.messagesTo(c.mobile())).sum() < 5
                    && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            CmppPeers.stopPrimary();
        });
        NoticeSummary n = peers.sms(people, "故障抢修通知");
        try {
            after_the_outage(n, people, primary, backup, outage);
        } finally {
            // the other tests expect the primary gateway up again, whatever happened here
            outage.join();
            primary.answerDelayMillis = 0;
            CmppPeers.primary();
            peers.awaitUp("cmcc");
        }
    }

    private void after_the_outage(NoticeSummary n, List<ContactDetails> people, CmppPeer primary, CmppPeer backup,
            java.util.concurrent.CompletableFuture<Void> outage) {
        List<MessageDetails> done = peers.await(n.id(), x -> x.state() == MessageState.DELIVERED
                || x.state() == MessageState.UNCERTAIN || x.state() == MessageState.SENT && outage.isDone(), SETTLE);
        outage.join();

        java.util.Map<String, MessageState> states = done.stream().collect(java.util.stream.Collectors.toMap(
                MessageDetails::recipientName, MessageDetails::state));
        for (ContactDetails c : people) {
            // under a starved CPU the backup's link may miss its heartbeat too: the SMPP account takes the rest then
            int got = primary.messagesTo(c.mobile()) + backup.messagesTo(c.mobile())
                    + LoopbackServers.smsc().submitsTo(c.mobile()).size();
            if (states.get(c.name()) == MessageState.UNCERTAIN) {
                // written as the link dropped: the gateway may or may not have read it, and it is not sent again
                assertTrue(got <= 1, "an uncertain message is never sent twice: " + c.mobile());
            } else {
                assertEquals(1, got, "each handset got its message once, from one of the two gateways: " + c.mobile());
            }
        }
        long viaBackup = done.stream().filter(m -> m.providerMessageId() != null
                && m.providerMessageId().startsWith("backup:")).count();
        long viaOthers = done.stream().filter(m -> m.providerMessageId() != null
                && !m.providerMessageId().startsWith("cmcc:")).count();
        assertTrue(viaBackup > 0 || viaOthers > 0, "the rest went through the next account");
        assertTrue(people.stream().mapToInt(c -> primary.messagesTo(c.mobile())).sum() >= 5);
        for (MessageDetails m : done) {
            if (m.state() == MessageState.UNCERTAIN) {
                assertTrue(m.error().contains("did not answer"), "in flight when the link dropped: " + m.error());
            }
        }
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void the_readiness_answer_and_the_metrics_show_each_cmpp_accounts_link() {
        peers.awaitUp("cmcc");
        peers.awaitUp("backup");
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'SMS centre link' }.data.cmcc", org.hamcrest.Matchers.equalTo("up"))
                .body("checks.find { it.name == 'SMS centre link' }.data.backup", org.hamcrest.Matchers.equalTo("up"));
        assertEquals(1.0, registry.get("keyaccount.notice.sms.provider.link")
                .tags("provider", "cmcc", "state", "up").gauge().value());
        assertEquals(0.0, registry.get("keyaccount.notice.sms.provider.link")
                .tags("provider", "cmcc", "state", "down").gauge().value());
        assertEquals(1.0, registry.get("keyaccount.notice.sms.provider.link")
                .tags("provider", "backup", "protocol", "CMPP 2.0", "state", "up").gauge().value());
    }

    @Test
    void a_customers_long_reply_through_a_cmpp_gateway_reaches_the_replies_store_in_one_piece() throws Exception {
        java.util.concurrent.BlockingQueue<cn.keyaccount.notice.InboundSms> store =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (CmppPeer gateway = CmppPeer.start("905555", "reply-secret")) {
            SmsGateway account = SmsProviders.account("replies", TestAccount.cmpp(gateway.port, "905555",
                    "reply-secret"), reports, store::add, java.time.Clock.systemUTC());
            try {
                ((CmppGateway) account).connect();
                long end = System.nanoTime() + SETTLE.toNanos();
                while (account.linkState() != SmsGateway.LinkState.UP && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                String text = "1 确认走访。" + "我们下周二上午在厂区等您，请提前联系门卫。".repeat(5);
                gateway.reply("14700001111", CmppProfile.SOURCE + "01", text);

                cn.keyaccount.notice.InboundSms sms = store.poll(20, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(sms != null, "the reply arrived");
                assertEquals("replies", sms.provider());
                assertEquals("14700001111", sms.fromMobile());
                assertEquals(CmppProfile.SOURCE + "01", sms.toNumber(), "our number with the extension it was sent to");
                assertEquals(text, sms.text(), "the parts merged");
            } finally {
                ((CmppGateway) account).close();
            }
        }
    }

    @Inject
    cn.keyaccount.notice.DeliveryReports reports;
}
