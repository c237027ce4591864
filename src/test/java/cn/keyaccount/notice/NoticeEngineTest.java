package cn.keyaccount.notice;

import static cn.keyaccount.notice.NoticeFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.support.LoopbackServers;
import cn.keyaccount.support.RecordingSmsc;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notice engine against a real SMS centre (jSMPP) and SMTP server (GreenMail) on loopback. */
@QuarkusTest
class NoticeEngineTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Inject
    NoticeService notices;
    @Inject
    NoticeDispatcher dispatcher;
    @Inject
    NoticeOutbox outbox;
    @Inject
    NoticeFixtures fx;
    @Inject
    EntityManager em;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
    }

    /** Sent now; urgent, so that the SMS night hours do not hold it back whenever the suite runs. */
    private NoticeSummary send(List<Long> contactIds, String text, Set<Channel> channels) {
        return notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("测试通知")
                .contacts(contactIds).channels(channels).parameters(Map.of("title", "测试", "text", text)).urgent(true)
                .build());
    }

    private static boolean settled(MessageDetails m) {
        return m.state().isFinal();
    }

    @Test
    void a_long_chinese_sms_goes_out_in_ucs2_parts_of_67_with_a_concatenation_header() {
        ContactDetails c = fx.contact(fx.someCustomer(0), true, false, null, null);
        String text = "计划检修停电通知：因十千伏线路设备检修，贵单位将于本周六上午八时至下午六时停电，请提前做好生产安排和安全措施。".repeat(2);
        NoticeSummary n = send(List.of(c.id()), text, Set.of(Channel.SMS));
        MessageDetails m = fx.await(n.id(), NoticeEngineTest::settled, SETTLE).getFirst();

        assertEquals(MessageState.DELIVERED, m.state());
        List<RecordingSmsc.Submit> parts = LoopbackServers.smsc().submitsTo(c.mobile());
        assertTrue(m.body().length() > SmsText.SINGLE, "a text of more than one part");
        assertEquals(SmsText.segments(m.body()), parts.size());
        assertEquals((m.body().length() + 66) / 67, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            RecordingSmsc.Submit p = parts.get(i);
            assertEquals(0x08, p.dataCoding(), "UCS-2");
            assertTrue(p.concatenated(), "UDHI set");
            byte[] udh = Arrays.copyOf(p.shortMessage(), 6);
            assertEquals(List.of((byte) 5, (byte) 0, (byte) 3, udh[3], (byte) parts.size(), (byte) (i + 1)),
                    List.of(udh[0], udh[1], udh[2], udh[3], udh[4], udh[5]));
            assertTrue(p.text().length() <= SmsText.PART);
        }
        assertEquals(m.body(), parts.stream().map(RecordingSmsc.Submit::text).collect(Collectors.joining()));
        assertEquals(parts.getFirst().messageId(), m.providerMessageId(), "receipt matched by the first part's id");
        assertNotNull(m.receiptAt());
    }

    @Test
    void a_short_sms_is_one_part_without_header_and_an_undeliverable_one_fails_on_its_receipt() {
        ContactDetails ok = fx.contact(fx.someCustomer(1), true, false, null, null);
        ContactDetails gone = fx.contact(fx.someCustomer(1), true, false, null, null);
        LoopbackServers.smsc().undeliverable(gone.mobile());
        NoticeSummary n = send(List.of(ok.id(), gone.id()), "短", Set.of(Channel.SMS));
        List<MessageDetails> ms = fx.await(n.id(), NoticeEngineTest::settled, SETTLE);

        List<RecordingSmsc.Submit> parts = LoopbackServers.smsc().submitsTo(ok.mobile());
        assertEquals(1, parts.size());
        assertTrue(!parts.getFirst().concatenated());
        assertEquals(0x08, parts.getFirst().dataCoding());
        MessageDetails failed = ms.stream().filter(m -> m.recipientName().equals(gone.name())).findFirst().orElseThrow();
        assertEquals(MessageState.FAILED, failed.state());
        assertTrue(failed.error().contains("UNDELIV"), failed.error());
        assertNotNull(failed.receiptAt());
    }

    @Test
    void an_email_goes_out_over_smtp_with_the_message_id_in_a_header() throws Exception {
        ContactDetails c = fx.contact(fx.someCustomer(2), false, true, null, null);
        NoticeSummary n = send(List.of(c.id()), "邮件正文内容", Set.of(Channel.EMAIL));
        MessageDetails m = fx.await(n.id(), x -> x.state() == MessageState.SENT || x.state().isFinal(), SETTLE)
                .getFirst();

        assertEquals(MessageState.SENT, m.state(), String.valueOf(m.error()));
        MimeMessage mail = Arrays.stream(LoopbackServers.mail().getReceivedMessages())
                .filter(x -> {
                    try {
                        return x.getAllRecipients()[0].toString().equals(c.email());
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertEquals("测试", mail.getSubject());
        assertTrue(GreenMailUtil.getBody(mail).length() > 0);
        assertEquals(m.providerMessageId(), mail.getHeader(EmailChannel.MESSAGE_HEADER)[0]);
    }

    @Test
    void sms_waits_for_the_morning_and_the_contacts_own_quiet_hours_unless_urgent() {
        long customer = fx.someCustomer(3);
        ContactDetails plain = fx.contact(customer, true, true, null, null);
        ContactDetails lunch = fx.contact(customer, true, false, LocalTime.of(12, 0), LocalTime.of(14, 0));
        LocalDate day = LocalDate.now(ZONE).plusDays(2);
        OffsetDateTime night = day.atTime(23, 0).atZone(ZONE).toOffsetDateTime();
        OffsetDateTime noon = day.atTime(12, 30).atZone(ZONE).toOffsetDateTime();
        NoticeRequest base = NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("夜间")
                .contacts(List.of(plain.id())).channels(Set.of(Channel.SMS, Channel.EMAIL))
                .parameters(Map.of("title", "t", "text", "x")).plannedAt(night).expiresAt(night.plusDays(2)).build();

        List<MessageDetails> calm = fx.messages(notices.schedule(SYSTEM, base).id());
        assertEquals(day.plusDays(1).atTime(8, 0).atZone(ZONE).toInstant(), sms(calm).nextAttemptAt().toInstant());
        assertEquals(night.toInstant(), calm.stream().filter(m -> m.channel() == Channel.EMAIL).findFirst()
                .orElseThrow().nextAttemptAt().toInstant(), "e-mail is not held back");

        List<MessageDetails> urgent = fx.messages(notices.schedule(SYSTEM, base.toBuilder().urgent(true).build()).id());
        assertEquals(night.toInstant(), sms(urgent).nextAttemptAt().toInstant());

        NoticeRequest atNoon = NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("午间")
                .contacts(List.of(lunch.id())).channels(Set.of(Channel.SMS))
                .parameters(Map.of("title", "t", "text", "x")).plannedAt(noon).expiresAt(noon.plusDays(1)).build();
        assertEquals(day.atTime(14, 0).atZone(ZONE).toInstant(),
                sms(fx.messages(notices.schedule(SYSTEM, atNoon).id())).nextAttemptAt().toInstant());
        assertTrue(QuietHours.within(LocalTime.of(23, 30), LocalTime.of(22, 0), LocalTime.of(8, 0)));
        assertTrue(QuietHours.within(LocalTime.of(7, 59), LocalTime.of(22, 0), LocalTime.of(8, 0)));
        assertTrue(!QuietHours.within(LocalTime.of(8, 0), LocalTime.of(22, 0), LocalTime.of(8, 0)));
    }

    private static MessageDetails sms(List<MessageDetails> ms) {
        return ms.stream().filter(m -> m.channel() == Channel.SMS).findFirst().orElseThrow();
    }

    @Test
    void a_contact_who_opted_out_of_sms_gets_no_sms_but_the_channels_they_accept() {
        ContactDetails c = fx.contact(fx.someCustomer(4), false, true, null, null);
        NoticeSummary n = send(List.of(c.id()), "退订测试", Set.of(Channel.SMS, Channel.EMAIL));
        List<MessageDetails> ms = fx.messages(n.id());
        assertEquals(List.of(Channel.EMAIL), ms.stream().map(MessageDetails::channel).toList());
        assertEquals(1, n.skipped());
    }

    @Test
    void a_contact_named_twice_or_a_repeated_fan_out_gets_one_message_per_channel() {
        long customer = fx.someCustomer(5);
        ContactDetails c = fx.contact(customer, true, true, null, null);
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("重复")
                .customers(List.of(customer)).contacts(List.of(c.id())).channels(Set.of(Channel.SMS))
                .parameters(Map.of("title", "t", "text", "x")).plannedAt(OffsetDateTime.now().plusDays(1)).build());
        List<MessageDetails> ms = fx.messages(n.id());
        assertEquals(1, ms.stream().filter(m -> m.recipientName().equals(c.name())).count());

        MessageDetails first = ms.getFirst();
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> outbox.insert(n.id(),
                sink -> sink.accept(new NoticeOutbox.NewMessage(customer, c.id(), c.name(), Channel.SMS, c.mobile(),
                        null, "again", 1, java.time.Instant.now(), java.time.Instant.now().plusSeconds(3600), false,
                        null, null)))),
                "the idempotency key refuses a second copy");
        assertEquals(ms.size(), fx.messages(n.id()).size(), "the idempotency key kept the second copy out");
        assertEquals(first.body(), fx.messages(n.id()).getFirst().body());
    }

    @Test
    void a_text_with_tabs_backslashes_and_line_breaks_is_stored_exactly_as_written() {
        ContactDetails c = fx.contact(fx.someCustomer(5), true, true, null, null);
        String text = "线路\t10kV\\L01\r\n第二行 \\N 不是空值\n";
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("转义")
                .contacts(List.of(c.id())).channels(Set.of(Channel.SMS, Channel.EMAIL))
                .parameters(Map.of("title", "t", "text", text)).plannedAt(OffsetDateTime.now().plusDays(1)).build());
        List<MessageDetails> ms = fx.messages(n.id());
        assertEquals(2, ms.size());
        assertTrue(ms.stream().allMatch(m -> m.body().contains(text)), "as written: " + ms);
        assertEquals(c.name(), ms.getFirst().recipientName());
    }

    @Test
    void a_throttled_sms_is_retried_with_growing_backoff_until_it_goes_through() {
        ContactDetails c = fx.contact(fx.someCustomer(6), true, false, null, null);
        LoopbackServers.smsc().throttle(c.mobile(), 2);
        NoticeSummary n = send(List.of(c.id()), "重试", Set.of(Channel.SMS));
        MessageDetails m = fx.await(n.id(), NoticeEngineTest::settled, SETTLE).getFirst();

        assertEquals(MessageState.DELIVERED, m.state());
        assertEquals(3, m.attempts());
        assertEquals(1, LoopbackServers.smsc().submitsTo(c.mobile()).size());
        assertEquals(Duration.ofSeconds(1), dispatcher.backoff(1));
        assertEquals(Duration.ofSeconds(4), dispatcher.backoff(3));
    }

    @Test
    void an_sms_the_centre_answers_after_the_response_timeout_is_uncertain_not_sent_again_and_settled_by_its_receipt() {
        ContactDetails c = fx.contact(fx.someCustomer(6), true, false, null, null);
        // the centre takes the submit but answers after our 10 s response timeout: it may have it, so no resend
        LoopbackServers.smsc().answerSlowly(c.mobile(), 11_000);
        NoticeSummary n = send(List.of(c.id()), "迟到的应答", Set.of(Channel.SMS));
        MessageDetails uncertain = fx.await(n.id(), x -> x.state() == MessageState.UNCERTAIN
                || x.state() == MessageState.DELIVERED, Duration.ofSeconds(60)).getFirst();
        assertEquals(1, uncertain.attempts());
        // the link was dropped after the silence; the next SMS binds again and the centre hands over the receipt
        ContactDetails next = fx.contact(fx.someCustomer(6), true, false, null, null);
        fx.await(send(List.of(next.id()), "下一条", Set.of(Channel.SMS)).id(),
                x -> x.state() == MessageState.DELIVERED, SETTLE);
        MessageDetails m = fx.await(n.id(), x -> x.state() == MessageState.DELIVERED, Duration.ofSeconds(60))
                .getFirst();

        assertEquals(1, LoopbackServers.smsc().submitsTo(c.mobile()).size(), "submitted once, never again");
        assertEquals(1, m.attempts());
        assertTrue(m.error() != null && m.error().contains("settled by its delivery receipt"), m.error());
    }

    @Test
    void a_message_whose_notice_expired_is_not_sent() {
        ContactDetails c = fx.contact(fx.someCustomer(7), true, false, null, null);
        OffsetDateTime planned = OffsetDateTime.now().minusHours(3);
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.OUTAGE, "general").title("过期")
                .contacts(List.of(c.id())).channels(Set.of(Channel.SMS)).parameters(Map.of("title", "t", "text", "x"))
                .plannedAt(planned).urgent(true).expiresAt(planned.plusHours(1)).build());
        MessageDetails m = fx.await(n.id(), NoticeEngineTest::settled, SETTLE).getFirst();
        assertEquals(MessageState.EXPIRED, m.state());
        assertTrue(LoopbackServers.smsc().submitsTo(c.mobile()).isEmpty());
    }

    @Test
    void a_message_claimed_by_a_node_that_died_is_recovered_and_sent_once() {
        ContactDetails c = fx.contact(fx.someCustomer(8), true, false, null, null);
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("恢复")
                .contacts(List.of(c.id())).channels(Set.of(Channel.SMS)).parameters(Map.of("title", "t", "text", "x"))
                .plannedAt(OffsetDateTime.now().plusDays(1)).urgent(true).build());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set "
                + "state = 'SENDING', claimed_by = 'dead-node', claimed_at = now() - interval '1 hour', "
                + "attempts = 1, next_attempt_at = now() where notice_id = ?1").setParameter(1, n.id())
                .executeUpdate());

        assertTrue(outbox.recoverStale(Duration.ofMinutes(2)).requeued() >= 1, "never submitted: back to the queue");
        MessageDetails m = fx.await(n.id(), NoticeEngineTest::settled, SETTLE).getFirst();
        assertEquals(MessageState.DELIVERED, m.state());
        assertEquals(1, LoopbackServers.smsc().submitsTo(c.mobile()).size());
    }

    @Test
    void two_nodes_dispatching_at_once_send_each_message_once() throws Exception {
        long customer = fx.someCustomer(9);
        List<ContactDetails> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add(fx.contact(customer, true, false, null, null));
        }
        NoticeSummary n = send(people.stream().map(ContactDetails::id).toList(), "并发", Set.of(Channel.SMS));
        List<CompletableFuture<Void>> nodes = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            nodes.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    dispatcher.dispatchBatch(node);
                }
            }));
        }
        CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();
        fx.await(n.id(), NoticeEngineTest::settled, SETTLE);

        for (ContactDetails p : people) {
            assertEquals(1, LoopbackServers.smsc().submitsTo(p.mobile()).size(), p.mobile());
        }
    }

    @Test
    void after_the_link_drops_the_channel_binds_again() {
        ContactDetails before = fx.contact(fx.someCustomer(10), true, false, null, null);
        fx.await(send(List.of(before.id()), "断线前", Set.of(Channel.SMS)).id(), NoticeEngineTest::settled, SETTLE);
        LoopbackServers.smsc().dropLinks();
        ContactDetails after = fx.contact(fx.someCustomer(10), true, false, null, null);
        MessageDetails m = fx.await(send(List.of(after.id()), "断线后", Set.of(Channel.SMS)).id(),
                NoticeEngineTest::settled, SETTLE).getFirst();
        assertEquals(MessageState.DELIVERED, m.state());
        assertEquals(1, LoopbackServers.smsc().submitsTo(after.mobile()).size());
    }

    @Test
    void the_quartz_job_on_the_clustered_store_sends_a_planned_message_on_its_own() {
        ContactDetails c = fx.contact(fx.someCustomer(11), true, false, null, null);
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("定时")
                .contacts(List.of(c.id())).channels(Set.of(Channel.SMS)).parameters(Map.of("title", "t", "text", "x"))
                .plannedAt(OffsetDateTime.now().plusSeconds(2)).urgent(true).build());
        Number jobs = (Number) em.createNativeQuery("select count(*) from qrtz_job_details where job_name like "
                + "'%notice-dispatch%'").getSingleResult();
        assertEquals(1, jobs.intValue(), "the dispatch job lives in the JDBC store");

        long end = System.nanoTime() + SETTLE.toNanos();
        while (!fx.messages(n.id()).getFirst().state().isFinal() && System.nanoTime() < end) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MessageDetails m = fx.messages(n.id()).getFirst();
        assertEquals(MessageState.DELIVERED, m.state());
        assertTrue(!m.sentAt().isBefore(n.plannedAt()), "not before its time");
    }

    @Test
    void the_preview_counts_sms_segments() {
        TemplatePreview p = notices.preview("general", "zh", Map.of("title", "停电", "text", "字".repeat(80)));
        assertEquals(SmsText.segments(p.sms()), p.smsSegments());
        assertEquals(2, p.smsSegments());
        assertEquals(1, SmsText.segments("字".repeat(70)));
        assertEquals(2, SmsText.segments("字".repeat(71)));
        assertEquals(3, SmsText.segments("字".repeat(135)));
    }
}
