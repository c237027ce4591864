package cn.keyaccount.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import cn.keyaccount.notice.gateway.SmsProviders;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Sends what is due. A Quartz job on the clustered JDBC store (job {@code notice-dispatch}) runs every few seconds;
 * each run settles stale claims of dead nodes ({@link NoticeOutbox#recoverStale}), then claims batches of due
 * messages and sends them: SMS in parallel up to the SMPP window under the throughput limit, e-mail through the
 * mailer, in-app messages straight into the inbox. Around every send the {@link SendJournal} commits "about to
 * submit" when the channel is about to put the message on the wire ({@link SubmitGate}: after the link is up and the
 * throughput slot taken, not when the batch is claimed) and the outcome right after the provider's answer, so that a
 * crash at any point leaves each message either provably unsent (sent again), recorded, or UNCERTAIN (its submit may
 * have reached the provider: never sent again blindly).
 */
@ApplicationScoped
public class NoticeDispatcher {

    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class);
    /** One run stops claiming after this long, so that the next trigger finds the job free. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(50);

    private final NoticeOutbox outbox;
    private final SendJournal journal;
    private final SmsProviders sms;
    private final EmailChannel email;
    private final NoticeConfig config;
    private final String node;
    private final ExecutorService window;

    private final Clock clock;

    private final NoticeMetrics metrics;

    /** A dispatcher with one SMPP link of its own (a second node in tests). */
    NoticeDispatcher(Clock clock, NoticeOutbox outbox, SendJournal journal, SmppChannel sms, EmailChannel email,
                     NoticeConfig config, NoticeMetrics metrics) {
        this(clock, outbox, journal, SmsProviders.of(List.of(new SmppProvider(sms, config))), email, config, metrics);
    }

    @Inject
    NoticeDispatcher(Clock clock, NoticeOutbox outbox, SendJournal journal, SmsProviders sms, EmailChannel email,
                     NoticeConfig config, NoticeMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        this.outbox = outbox;
        this.journal = journal;
        this.sms = sms;
        this.email = email;
        this.config = config;
        this.node = config.node().orElse("node") + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.window = Executors.newFixedThreadPool(Math.max(1, Math.max(config.smpp().window(), sms.totalWindow())),
                Thread.ofPlatform().name("smpp-window-", 0).daemon().factory());
    }

    @Scheduled(identity = "notice-dispatch", every = "{keyaccount.notice.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        recover();
        Instant stop = clock.instant().plus(RUN_BUDGET);
        while (dispatchBatch(node) == config.batchSize() && clock.instant().isBefore(stop)) {
            // a full batch: more may be due
        }
    }

    /** Settles the claims of nodes that died or hung longer than the claim timeout. */
    public void recover() {
        NoticeOutbox.Recovery r = outbox.recoverStale(config.claimTimeout());
        if (r.total() > 0) {
            metrics.recovered(r);
            LOG.warnf("Notice messages of a node that never finished them: %d never submitted went back to the "
                    + "queue, %d submitted without a recorded outcome are UNCERTAIN (%d settled by receipts)",
                    r.requeued(), r.uncertain(), r.matchedByReceipt());
        }
    }

    /** Claims one batch of due messages as {@code nodeName}, sends them and records the outcomes; returns how many. */
    public int dispatchBatch(String nodeName) {
        List<NoticeOutbox.Claimed> claimed = outbox.claim(nodeName, config.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Boolean>> written = new ArrayList<>(claimed.size());
        Instant now = clock.instant();
        for (NoticeOutbox.Claimed m : claimed) {
            NoticeOutbox.Outcome early = beforeSending(m, now);
            if (early != null) {
                written.add(record(m, early));
            } else if (m.channel() == Channel.PORTAL) {
                written.add(record(m, new NoticeOutbox.Delivered(m.id())));
            } else if (m.channel() == Channel.SMS) {
                written.add(CompletableFuture.supplyAsync(() -> send(m), window).thenCompose(f -> f));
            } else {
                written.add(send(m));
            }
        }
        for (CompletableFuture<Boolean> f : written) {
            try {
                f.get();
            } catch (Exception e) {
                LOG.errorf(e, "A notice message's send or record failed; recovery will settle it");
            }
        }
        return claimed.size();
    }

    /**
     * One message: the provider asked, the start mark committed by the channel through {@link #gate} right before
     * the first byte goes out (after the link is up and the throughput slot taken), then the outcome queued for the
     * journal's next commit (the sender goes on with the next message meanwhile). A claim taken over means nothing is
     * submitted and nothing recorded.
     */
    private CompletableFuture<Boolean> send(NoticeOutbox.Claimed m) {
        NoticeOutbox.Outcome outcome = attempt(m);
        return outcome == null ? CompletableFuture.completedFuture(false) : record(m, outcome);
    }

    /** Commits {@code m}'s start mark under its claim's token when a channel is about to submit it. */
    private SubmitGate gate(NoticeOutbox.Claimed m) {
        return () -> {
            boolean mine;
            try {
                mine = journal.starting(m.id(), m.token()).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SendFailure.retryable("stopped before submitting", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw SendFailure.retryable("start mark not written: " + e.getCause(), e.getCause());
            }
            if (!mine) {
                throw SendFailure.claimLost();
            }
        };
    }

    /** Queues an outcome for the journal, counted in the metrics once recorded. */
    private CompletableFuture<Boolean> record(NoticeOutbox.Claimed m, NoticeOutbox.Outcome outcome) {
        return metrics.counted(m.channel(), outcome, journal.record(outcome, m.token()));
    }
    /** Expired, or an SMS in quiet hours: settled without sending. */
    private NoticeOutbox.Outcome beforeSending(NoticeOutbox.Claimed m, Instant now) {
        if (!now.isBefore(m.expiresAt())) {
            return new NoticeOutbox.Expired(m.id());
        }
        if (m.channel() == Channel.SMS && !m.urgent()) {
            Instant allowed = QuietHours.forSms(now, false, config, m.quietFrom(), m.quietTo());
            if (allowed.isAfter(now)) {
                return allowed.isBefore(m.expiresAt()) ? new NoticeOutbox.Deferred(m.id(), allowed)
                        : new NoticeOutbox.Expired(m.id());
            }
        }
        return null;
    }

    /** The outcome of one attempt; null when the claim was taken over before the submit (nothing to record). */
    private NoticeOutbox.Outcome attempt(NoticeOutbox.Claimed m) {
        try {
            return switch (m.channel()) {
                case SMS -> new NoticeOutbox.Sent(m.id(), sms.send(m.address(), m.body(), gate(m)));
                case EMAIL -> new NoticeOutbox.Sent(m.id(), email.send(m.id(), m.address(), m.subject(), m.body(),
                        gate(m)));
                case PORTAL -> new NoticeOutbox.Delivered(m.id());
            };
        } catch (SendFailure e) {
            if (e.isClaimLost()) {
                return null;
            }
            if (e.kind() == SendFailure.Kind.UNCERTAIN) {
                return new NoticeOutbox.Uncertain(m.id(), e.getMessage());
            }
            if (!e.isTransient() || m.attempts() >= config.maxAttempts()) {
                return new NoticeOutbox.Failed(m.id(), e.getMessage());
            }
            Instant next = clock.instant().plus(backoff(m.attempts()));
            return next.isBefore(m.expiresAt()) ? new NoticeOutbox.Retry(m.id(), next, e.getMessage())
                    : new NoticeOutbox.Failed(m.id(), e.getMessage() + " (no time left before expiry)");
        } catch (RuntimeException e) {
            return new NoticeOutbox.Retry(m.id(), clock.instant().plus(backoff(m.attempts())), e.toString());
        }
    }

    /** Backoff after the given number of attempts: base, 2×, 4×, … */
    Duration backoff(int attempts) {
        return config.retryBackoff().multipliedBy(1L << Math.min(10, Math.max(0, attempts - 1)));
    }

    /** The state of the channels for the notice centre: enabled, and for SMS whether the link is up. */
    public ChannelStatus status() {
        return new ChannelStatus(sms.any(), sms.anyUp(), email.enabled());
    }

    public record ChannelStatus(boolean smsEnabled, boolean smsBound, boolean emailEnabled) {
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Stops the send window (waiting sends are dropped; their claims are recovered as never submitted). */
    void stop() {
        window.shutdownNow();
    }
}
