package cn.keyaccount.notice;

import static cn.keyaccount.notice.NoticeFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.support.LoopbackServers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node killed in the middle of a fan-out, then another node recovering: what was never submitted goes out once,
 * what was submitted is settled by its receipt or waits as UNCERTAIN for a scheduler, and nothing is sent twice on
 * its own.
 */
@QuarkusTest
class CrashRecoveryTest {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Inject
    NoticeService notices;

    @Inject
    NoticeQueries noticeQueries;

    @Inject
    NoticeDecisions noticeDecisions;
    @Inject
    NoticeDispatcher dispatcher;
    @Inject
    NoticeOutbox outbox;
    @Inject
    SendJournal journal;
    @Inject
    SmppChannel sms;
    @Inject
    NoticeFixtures fx;
    @Inject
    EntityManager em;
    @Inject
    NoticeConfig config;
    @Inject
    EmailChannel email;
    @Inject
    NoticeMetrics metrics;
    @Inject
    Scheduler scheduler;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
    }

    @Test
    void a_node_killed_between_submit_and_record_sends_each_message_once_or_leaves_it_uncertain() throws Exception {
        long customer = fx.someCustomer(30);
        ContactDetails answered = fx.contact(customer, true, false, null, null);
        ContactDetails silent = fx.contact(customer, true, false, null, null);
        ContactDetails keptSilent = fx.contact(customer, true, false, null, null);
        ContactDetails untouched = fx.contact(customer, true, false, null, null);
        LoopbackServers.smsc().withholdReceipts(silent.mobile());
        LoopbackServers.smsc().withholdReceipts(keptSilent.mobile());
        List<ContactDetails> all = List.of(answered, silent, keptSilent, untouched);
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("崩溃恢复")
                .contacts(all.stream().map(ContactDetails::id).toList()).channels(Set.of(Channel.SMS))
                .parameters(Map.of("title", "t", "text", "崩溃恢复")).plannedAt(OffsetDateTime.now().plusDays(30))
                .urgent(true).build());
        Map<String, Long> ids = fx.messages(n.id()).stream().collect(Collectors.toMap(
                m -> m.recipientName(), MessageDetails::id));

        // the node that will die: its claim committed, three of the four submitted, no answer recorded
        UUID token = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set state = 'SENDING', "
                        + "claimed_by = 'doomed-node', claimed_at = now(), claim_token = cast(?1 as uuid), attempts = 1, "
                        + "next_attempt_at = now() where notice_id = ?2").setParameter(1, token.toString())
                .setParameter(2, n.id()).executeUpdate());
        for (ContactDetails c : List.of(answered, silent, keptSilent)) {
            long id = ids.get(c.name());
            assertTrue(journal.starting(id, token).get(), "the start mark is committed before the submit");
            assertNotNull(submit(c.mobile(), fx.messages(n.id()).stream().filter(m -> m.id() == id).findFirst()
                    .orElseThrow().body()));
        }
        awaitReceiptFor(answered.mobile());
        // ... killed here. The claim times out; another node recovers.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set "
                + "claimed_at = now() - interval '1 hour' where notice_id = ?1").setParameter(1, n.id())
                .executeUpdate());
        // this test's node recovers, unless the Quartz job of the application beside it came first: either is fine
        outbox.recoverStale(Duration.ofMinutes(2));
        List<MessageDetails> recovered = fx.messages(n.id());
        assertTrue(recovered.stream().noneMatch(m -> m.state() == MessageState.SENDING), recovered.toString());
        assertTrue(List.of(MessageState.UNCERTAIN, MessageState.DELIVERED).contains(state(recovered, answered)),
                "submitted without a recorded answer: uncertain, or already settled by its receipt");
        assertEquals(MessageState.UNCERTAIN, state(recovered, silent));
        assertFalse(journal.record(new NoticeOutbox.Sent(ids.get(answered.name()), "late"), token).get(),
                "the dead node's claim is over: an answer it writes late is refused");

        List<MessageDetails> after = fx.await(n.id(), m -> m.state() != MessageState.SCHEDULED
                && m.state() != MessageState.SENDING && m.state() != MessageState.SENT, SETTLE);
        for (int i = 0; i < 5; i++) {
            dispatcher.dispatchBatch("survivor");
        }
        after = fx.messages(n.id());
        assertEquals(MessageState.DELIVERED, state(after, answered), "settled by the receipt of the lost answer");
        assertNotNull(message(after, answered).providerMessageId());
        assertEquals(MessageState.UNCERTAIN, state(after, silent), "no receipt: not sent again on its own");
        assertEquals(MessageState.UNCERTAIN, state(after, keptSilent));
        assertEquals(MessageState.DELIVERED, state(after, untouched), "never submitted: sent by the survivor");
        for (ContactDetails c : all) {
            assertEquals(1, LoopbackServers.smsc().submitsTo(c.mobile()).size(), c.name() + " got it once");
        }
        assertEquals(2, noticeQueries.get(SYSTEM, n.id()).uncertain());

        noticeDecisions.resolveUncertain(SYSTEM, n.id(), ids.get(keptSilent.name()), false);
        noticeDecisions.resolveUncertain(SYSTEM, n.id(), ids.get(silent.name()), true);
        fx.await(n.id(), m -> m.state() != MessageState.SCHEDULED && m.state() != MessageState.SENDING, SETTLE);
        after = fx.messages(n.id());
        assertEquals(MessageState.SENT, state(after, keptSilent), "counted as sent by the scheduler");
        assertTrue(message(after, keptSilent).error().contains("system"));
        assertEquals(1, LoopbackServers.smsc().submitsTo(keptSilent.mobile()).size());
        assertEquals(2, LoopbackServers.smsc().submitsTo(silent.mobile()).size(), "sent again: the scheduler's call");
        var e = org.junit.jupiter.api.Assertions.assertThrows(cn.keyaccount.base.BusinessException.class,
                () -> noticeDecisions.resolveUncertain(SYSTEM, n.id(), ids.get(untouched.name()), true));
        assertEquals("error.notice-message-not-uncertain", e.key());
    }

    @Test
    void an_uncertain_sms_leaves_the_receipt_of_a_message_still_in_flight_to_the_same_handset_alone() throws Exception {
        ContactDetails c = fx.contact(fx.someCustomer(31), true, false, null, null);
        // the test plays the provider's receipts itself, each at the moment the race needs it
        LoopbackServers.smsc().withholdReceipts(c.mobile());
        MessageDetails lost = onlyMessage(later(c, "答复丢失"));
        MessageDetails inFlight = onlyMessage(later(c, "答复未记"));

        // a node submits the first message and dies before recording the provider's answer
        UUID doomed = claim(lost.id(), "doomed-node");
        assertTrue(journal.starting(lost.id(), doomed).get());
        String lostId = submit(c.mobile(), lost.body());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set "
                + "claimed_at = now() - interval '1 hour' where id = ?1").setParameter(1, lost.id()).executeUpdate());
        outbox.recoverStale(Duration.ofMinutes(2));
        assertEquals(MessageState.UNCERTAIN, reread(lost).state());

        // a live node submits the second; its receipt comes before the node has written the provider's answer
        UUID live = claim(inFlight.id(), "live-node");
        assertTrue(journal.starting(inFlight.id(), live).get());
        String inFlightId = submit(c.mobile(), inFlight.body());
        outbox.recordReceipt(inFlightId, c.mobile(), true, "DELIVRD", "000", "id:" + inFlightId + " stat:DELIVRD");
        outbox.recoverStale(Duration.ofMinutes(2));
        assertEquals(MessageState.UNCERTAIN, reread(lost).state(), "the receipt may be the one in flight's");
        assertNull(reread(lost).providerMessageId());

        assertTrue(journal.record(new NoticeOutbox.Sent(inFlight.id(), inFlightId), live).get());
        // the journal releases the sender first and matches early receipts right after (SendJournal.write)
        for (int i = 0; i < 100 && reread(inFlight).state() != MessageState.DELIVERED; i++) {
            Thread.sleep(50);
        }
        assertEquals(MessageState.DELIVERED, reread(inFlight).state(), "its receipt was kept for it");
        assertEquals(inFlightId, reread(inFlight).providerMessageId());
        outbox.recoverStale(Duration.ofMinutes(2));
        assertEquals(MessageState.UNCERTAIN, reread(lost).state(), "that receipt is owned now");

        // the lost answer's own receipt comes at last, and settles it
        outbox.recordReceipt(lostId, c.mobile(), true, "DELIVRD", "000", "id:" + lostId + " stat:DELIVRD");
        MessageDetails settled = reread(lost);
        assertEquals(MessageState.DELIVERED, settled.state());
        assertEquals(lostId, settled.providerMessageId());
        assertEquals(inFlightId, reread(inFlight).providerMessageId());
    }

    @Test
    void one_receipt_for_a_handset_with_two_uncertain_sms_settles_neither() throws Exception {
        ContactDetails c = fx.contact(fx.someCustomer(32), true, false, null, null);
        List<MessageDetails> both = List.of(onlyMessage(later(c, "两条待确认一")), onlyMessage(later(c, "两条待确认二")));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set "
                        + "state = 'UNCERTAIN', submit_started_at = now(), attempts = 1 where id in (?1, ?2)")
                .setParameter(1, both.get(0).id()).setParameter(2, both.get(1).id()).executeUpdate());

        outbox.recordReceipt("two-" + c.mobile(), c.mobile(), true, "DELIVRD", "000", "stat:DELIVRD");
        outbox.recoverStale(Duration.ofMinutes(2));
        for (MessageDetails m : both) {
            assertEquals(MessageState.UNCERTAIN, reread(m).state(), "which one it speaks of is unknown");
        }
        Number matched = (Number) em.createNativeQuery("select count(*) from notice_receipt where address = ?1 "
                + "and matched").setParameter(1, c.mobile()).getSingleResult();
        assertEquals(0, matched.intValue());
    }

    @Test
    void a_node_killed_while_its_sends_wait_for_their_turn_leaves_uncertain_only_what_reached_the_sms_centre()
            throws Exception {
        long customer = fx.someCustomer(33);
        List<ContactDetails> all = List.of(fx.contact(customer, true, false, null, null),
                fx.contact(customer, true, false, null, null), fx.contact(customer, true, false, null, null),
                fx.contact(customer, true, false, null, null));
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general")
                .title("等候发送时崩溃").contacts(all.stream().map(ContactDetails::id).toList())
                .channels(Set.of(Channel.SMS)).parameters(Map.of("title", "t", "text", "等候发送时崩溃"))
                .plannedAt(OffsetDateTime.now().plusDays(30)).urgent(true).build());
        // the doomed node: one SMS a second, so three of its four sends wait for their turn at the provider's limit
        SmppChannel slowLink = new SmppChannel(config, outbox, new ThroughputLimiter(1));
        SendJournal doomedJournal = new SendJournal(outbox);
        NoticeDispatcher doomed = new NoticeDispatcher(java.time.Clock.systemUTC(), outbox, doomedJournal, slowLink,
                email, config, metrics);
        scheduler.pause("notice-dispatch");
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set "
                    + "next_attempt_at = now() where notice_id = ?1").setParameter(1, n.id()).executeUpdate());
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(() -> doomed.dispatchBatch("doomed"));
            long end = System.nanoTime() + SETTLE.toNanos();
            while (all.stream().allMatch(c -> LoopbackServers.smsc().submitsTo(c.mobile()).isEmpty())) {
                assertTrue(System.nanoTime() < end, "the doomed node submitted nothing: " + fx.messages(n.id())
                        + " all submits " + LoopbackServers.smsc().submitCount() + " done " + sending);
                Thread.sleep(5);
            }
            Thread.sleep(300);
            // killed here, a first SMS out and the others waiting for their turn; the claim times out, a node recovers
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set "
                    + "claimed_at = now() - interval '1 hour' where notice_id = ?1 and state = 'SENDING'")
                    .setParameter(1, n.id()).executeUpdate());
            outbox.recoverStale(Duration.ofMinutes(2));
            List<MessageDetails> recovered = fx.messages(n.id());
            for (ContactDetails c : all) {
                boolean reached = !LoopbackServers.smsc().submitsTo(c.mobile()).isEmpty();
                MessageState s = state(recovered, c);
                assertTrue(reached ? s != MessageState.SCHEDULED : s == MessageState.SCHEDULED, c.name()
                        + (reached ? " reached the SMS centre: not to be sent again, but it went back to the queue"
                                : " never reached the SMS centre: back to the queue, but it is " + s));
            }
            sending.get();

            // the survivor sends what went back to the queue; the doomed node's late sends are refused
            for (int i = 0; i < 5; i++) {
                dispatcher.dispatchBatch("survivor");
            }
            List<MessageDetails> after = fx.await(n.id(), m -> m.state().isFinal(), SETTLE);
            for (ContactDetails c : all) {
                assertEquals(1, LoopbackServers.smsc().submitsTo(c.mobile()).size(), c.name() + " got it once");
                assertEquals(MessageState.DELIVERED, state(after, c));
            }
        } finally {
            scheduler.resume("notice-dispatch");
            doomed.stop();
            doomedJournal.stop();
            slowLink.close();
        }
    }

    /** A notice by SMS to one contact, due in a month: only the test sends it. */
    private NoticeSummary later(ContactDetails c, String title) {
        return notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title(title)
                .contacts(List.of(c.id())).channels(Set.of(Channel.SMS)).parameters(Map.of("title", "t", "text", title))
                .plannedAt(OffsetDateTime.now().plusDays(30)).urgent(true).build());
    }

    private MessageDetails onlyMessage(NoticeSummary n) {
        return fx.messages(n.id()).getFirst();
    }

    private MessageDetails reread(MessageDetails m) {
        return fx.messages(m.noticeId()).stream().filter(x -> x.id() == m.id()).findFirst().orElseThrow();
    }

    /** The claim of a node, committed before it submits. */
    private UUID claim(long messageId, String node) {
        UUID token = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set "
                        + "state = 'SENDING', claimed_by = ?1, claimed_at = now(), claim_token = cast(?2 as uuid), "
                        + "attempts = 1, next_attempt_at = now() where id = ?3").setParameter(1, node)
                .setParameter(2, token.toString()).setParameter(3, messageId).executeUpdate());
        return token;
    }

    /**
     * Submits as the dying node did, waiting out the reconnect delay when the link is down at that moment (another
     * node's dispatcher, or an earlier test, may just have lost or failed a bind).
     */
    private String submit(String mobile, String body) throws SendFailure, InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return sms.send(mobile, body, () -> { });
            } catch (SendFailure e) {
                if (!e.isTransient() || i == 20) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    private void awaitReceiptFor(String mobile) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Number count = (Number) em.createNativeQuery("select count(*) from notice_receipt where address = ?1")
                    .setParameter(1, mobile).getSingleResult();
            if (count.intValue() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no receipt for " + mobile);
    }

    private static MessageDetails message(List<MessageDetails> ms, ContactDetails c) {
        return ms.stream().filter(m -> m.recipientName().equals(c.name())).findFirst().orElseThrow();
    }

    private static MessageState state(List<MessageDetails> ms, ContactDetails c) {
        return message(ms, c).state();
    }
}
