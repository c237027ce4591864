package cn.keyaccount.outage;

import static cn.keyaccount.outage.OutageFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeConfig;
import cn.keyaccount.notice.NoticeDispatcher;
import cn.keyaccount.support.LoopbackServers;
import cn.keyaccount.support.RecordingSmsc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outage warnings through the real exchanges on loopback, as the notice engine's tests use them: the jSMPP SMS centre
 * and the GreenMail SMTP server ({@link LoopbackServers}). The warning is sent when it falls due, the revision of a
 * moved outage at once. A planned outage's SMS respects the night hours (22:00–08:00, Asia/Shanghai): run at night,
 * the test checks that the SMS waits for 08:00 instead of checking the SMS centre; a fault (urgent) is checked by SMS
 * and e-mail at any hour.
 */
@QuarkusTest
class OutageDeliveryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Inject
    OutageService outages;

    @Inject
    OutageQueries outageQueries;
    @Inject
    OutageFixtures fx;
    @Inject
    ContactService contacts;
    @Inject
    NoticeDispatcher dispatcher;
    @Inject
    NoticeConfig noticeConfig;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
    }

    @Test
    void a_planned_warning_reaches_the_contact_by_email_and_sms_when_due_and_a_move_sends_the_revision() throws Exception {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        ContactDetails contact = contacts.list(SYSTEM, customer).getFirst();
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusDays(10).withHour(9).withMinute(0).withSecond(0)
                .withNano(0);
        OutageDetails o = fx.register(fx.viewer("scheduler"), OutageKind.PLANNED, start, line);
        String lineCode = o.lines().getFirst().code();

        for (int i = 0; i < 3; i++) {
            dispatcher.dispatchBatch("outage-test");
        }
        assertTrue(LoopbackServers.smsc().submitsTo(contact.mobile()).isEmpty(), "nothing before its time");
        assertTrue(mails(contact.email()).isEmpty(), "nothing before its time");
        assertTrue(warning(o.id(), customer, "停电预告").stream().allMatch(m -> m.state() == MessageState.SCHEDULED
                && m.nextAttemptAt().isAfter(OffsetDateTime.now().plusDays(2))), "due 7 days before the start");

        fx.warningsDueNow(o.id());
        List<MessageDetails> sent = await(o.id(), customer, "停电预告", OutageDeliveryTest::goneOrHeldForTheMorning);
        MimeMessage mail = mail(contact.email(), "停电预告");
        assertTrue(mail.getSubject().contains(TIME.format(start)), mail.getSubject());
        String text = (String) mail.getContent();
        assertTrue(text.contains(contact.name()) && text.contains(lineCode) && text.contains(o.reason())
                && text.contains("全部停电"), text);
        assertSmsArrivedOrWaitsForTheMorning(contact, sms(sent), lineCode, TIME.format(start), o.reason());

        OffsetDateTime moved = start.plusDays(2);
        outages.update(fx.viewer("scheduler"), o.id(), new OutageDraft(OutageKind.PLANNED, o.title(), o.reason(),
                o.area(), "", moved, moved.plusHours(8), null, null, List.of(line), List.of(), o.version()));
        List<MessageDetails> revised = await(o.id(), customer, "停电变更", OutageDeliveryTest::goneOrHeldForTheMorning);
        MimeMessage revision = mail(contact.email(), "停电时间变更");
        assertTrue(revision.getSubject().contains(TIME.format(moved)), revision.getSubject());
        String revisionText = (String) revision.getContent();
        assertTrue(revisionText.contains(TIME.format(start)) && revisionText.contains(TIME.format(moved))
                && revisionText.contains(lineCode), "old and new times: " + revisionText);
        assertSmsArrivedOrWaitsForTheMorning(contact, sms(revised), TIME.format(start), TIME.format(moved));
    }

    @Test
    void a_fault_reaches_the_contact_by_sms_and_email_at_once_and_so_does_its_revision() throws Exception {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        ContactDetails contact = contacts.list(SYSTEM, customer).getFirst();
        OffsetDateTime now = OffsetDateTime.now(ZONE).withSecond(0).withNano(0);
        OffsetDateTime restoration = now.plusHours(3);
        OutageDetails o = outages.register(fx.viewer("scheduler"), new OutageDraft(OutageKind.FAULT, "10kV 故障",
                "雷击跳闸", "测试园区", "", now.minusMinutes(10), now.plusHours(4), restoration, null, List.of(line),
                List.of(), null), null);
        String lineCode = o.lines().getFirst().code();

        List<MessageDetails> sent = await(o.id(), customer, "停电预告", m -> m.state().isFinal()
                || m.state() == MessageState.SENT);
        MessageDetails sms = sms(sent);
        assertEquals(MessageState.DELIVERED, sms.state(), String.valueOf(sms.error()));
        String received = smsText(contact.mobile());
        assertTrue(received.contains(sms.body()), received);
        assertTrue(sms.body().contains(lineCode) && sms.body().contains("雷击跳闸")
                && sms.body().contains(TIME.format(restoration)), sms.body());
        MimeMessage mail = mail(contact.email(), "故障停电");
        assertTrue(mail.getSubject().contains(TIME.format(restoration)), mail.getSubject());

        OffsetDateTime later = now.plusHours(6);
        outages.update(fx.viewer("scheduler"), o.id(), new OutageDraft(OutageKind.FAULT, o.title(), o.reason(),
                o.area(), "", o.startsAt(), later, later, null, List.of(line), List.of(), o.version()));
        List<MessageDetails> revised = await(o.id(), customer, "停电变更", m -> m.state().isFinal()
                || m.state() == MessageState.SENT);
        MessageDetails revisedSms = sms(revised);
        assertEquals(MessageState.DELIVERED, revisedSms.state(), "a fault's revision is urgent too");
        assertTrue(revisedSms.body().contains(TIME.format(later)), revisedSms.body());
        assertTrue(smsText(contact.mobile()).contains(revisedSms.body()));
        MimeMessage revision = mail(contact.email(), "停电时间变更");
        assertTrue(((String) revision.getContent()).contains(TIME.format(later)));
    }

    /** Sent (the e-mail), settled (the SMS), or an SMS back in the queue for the end of the night hours. */
    private static boolean goneOrHeldForTheMorning(MessageDetails m) {
        return m.state().isFinal() || m.state() == MessageState.SENT || (m.state() == MessageState.SCHEDULED
                && m.channel() == Channel.SMS && m.nextAttemptAt().isAfter(OffsetDateTime.now().plusMinutes(1)));
    }

    private void assertSmsArrivedOrWaitsForTheMorning(ContactDetails contact, MessageDetails sms, String... words) {
        for (String w : words) {
            assertTrue(sms.body().contains(w), w + " in " + sms.body());
        }
        if (nightNow()) {
            assertEquals(MessageState.SCHEDULED, sms.state(), "night: the SMS waits");
            assertEquals(noticeConfig.smsQuietTo(), sms.nextAttemptAt().atZoneSameInstant(ZONE).toLocalTime());
            assertTrue(!smsText(contact.mobile()).contains(sms.body()), "not sent at night");
        } else {
            assertEquals(MessageState.DELIVERED, sms.state(), String.valueOf(sms.error()));
            assertTrue(smsText(contact.mobile()).contains(sms.body()), "the text the SMS centre received");
        }
    }

    private boolean nightNow() {
        LocalTime t = ZonedDateTime.now(ZONE).toLocalTime();
        LocalTime from = noticeConfig.smsQuietFrom();
        LocalTime to = noticeConfig.smsQuietTo();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** Everything the SMS centre received for this number, parts joined in order (UCS-2 decoded). */
    private static String smsText(String mobile) {
        return LoopbackServers.smsc().submitsTo(mobile).stream().map(RecordingSmsc.Submit::text)
                .collect(Collectors.joining());
    }

    private static MessageDetails sms(List<MessageDetails> messages) {
        return messages.stream().filter(m -> m.channel() == Channel.SMS).findFirst().orElseThrow();
    }

    private List<MessageDetails> warning(long outageId, long customer, String title) {
        return outageQueries.messages(SYSTEM, outageId, customer, 0, 100).stream()
                .filter(m -> m.noticeTitle().startsWith(title)).toList();
    }

    /** Dispatches (beside the Quartz job) until the customer's messages of that notice match; e-mail and SMS. */
    private List<MessageDetails> await(long outageId, long customer, String title, Predicate<MessageDetails> done)
            throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        List<MessageDetails> now = warning(outageId, customer, title);
        while (now.size() < 3 || !now.stream().filter(m -> m.channel() != Channel.PORTAL).allMatch(done)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("messages did not settle: " + now);
            }
            dispatcher.dispatchBatch("outage-test");
            Thread.sleep(100);
            now = warning(outageId, customer, title);
        }
        return now;
    }

    private static List<MimeMessage> mails(String to) {
        return Arrays.stream(LoopbackServers.mail().getReceivedMessages()).filter(m -> {
            try {
                Address[] all = m.getAllRecipients();
                return all != null && all.length > 0 && all[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static MimeMessage mail(String to, String subjectStart) throws Exception {
        for (MimeMessage m : mails(to)) {
            if (m.getSubject().contains(subjectStart)) {
                return m;
            }
        }
        throw new AssertionError("no mail to " + to + " with " + subjectStart + " in " + mails(to).size() + " mails");
    }
}
