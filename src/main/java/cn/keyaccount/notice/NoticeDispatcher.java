package cn.keyaccount.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Sends what is due. A Quartz job on the clustered JDBC store (job {@code notice-dispatch}) runs every few seconds;
 * each run returns stale claims to the queue, then claims batches of due messages and sends them: SMS in parallel
 * up to the SMPP window under the throughput limit, e-mail through the mailer, portal messages straight into the
 * inbox. Everything lives in the database, so a message planned for a time goes out then even when the
 * application restarted in between, and with several nodes the claim lets each message go out once.
 */
@ApplicationScoped
public class NoticeDispatcher {

    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class);
    /** One run stops claiming after this long, so that the next trigger finds the job free. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(50);

    private final NoticeOutbox outbox;
    private final SmppChannel sms;
    private final EmailChannel email;
    private final NoticeConfig config;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService window;

    NoticeDispatcher(NoticeOutbox outbox, SmppChannel sms, EmailChannel email, NoticeConfig config) {
        this.outbox = outbox;
        this.sms = sms;
        this.email = email;
        this.config = config;
        this.window = Executors.newFixedThreadPool(Math.max(1, config.smpp().window()),
                Thread.ofPlatform().name("smpp-window-", 0).daemon().factory());
    }

    @Scheduled(identity = "notice-dispatch", every = "{keyaccount.notice.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int recovered = outbox.recoverStale(config.claimTimeout());
        if (recovered > 0) {
            LOG.warnf("%d notice messages claimed but never finished went back to the queue", recovered);
        }
        Instant stop = Instant.now().plus(RUN_BUDGET);
        while (dispatchBatch(node) == config.batchSize() && Instant.now().isBefore(stop)) {
            // a full batch: more may be due
        }
    }

    /** Claims one batch of due messages as {@code nodeName}, sends them and records the outcomes; returns how many. */
    public int dispatchBatch(String nodeName) {
        List<NoticeOutbox.Claimed> claimed = outbox.claim(nodeName, config.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        List<NoticeOutbox.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> inFlight = new ArrayList<>();
        Instant now = Instant.now();
        for (NoticeOutbox.Claimed m : claimed) {
            NoticeOutbox.Outcome early = beforeSending(m, now);
            if (early != null) {
                outcomes.add(early);
            } else if (m.channel() == Channel.SMS) {
                inFlight.add(window.submit(() -> outcomes.add(attempt(m))));
            } else {
                outcomes.add(attempt(m));
            }
        }
        for (Future<?> f : inFlight) {
            try {
                f.get();
            } catch (Exception e) {
                LOG.errorf(e, "SMS send task failed");
            }
        }
        outbox.settle(outcomes);
        return claimed.size();
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

    private NoticeOutbox.Outcome attempt(NoticeOutbox.Claimed m) {
        try {
            return switch (m.channel()) {
                case SMS -> new NoticeOutbox.Sent(m.id(), sms.send(m.address(), m.body()));
                case EMAIL -> new NoticeOutbox.Sent(m.id(), email.send(m.id(), m.address(), m.subject(), m.body()));
                case PORTAL -> new NoticeOutbox.Delivered(m.id());
            };
        } catch (SendFailure e) {
            if (!e.isTransient() || m.attempts() >= config.maxAttempts()) {
                return new NoticeOutbox.Failed(m.id(), e.getMessage());
            }
            Instant next = Instant.now().plus(backoff(m.attempts()));
            return next.isBefore(m.expiresAt()) ? new NoticeOutbox.Retry(m.id(), next, e.getMessage())
                    : new NoticeOutbox.Failed(m.id(), e.getMessage() + " (no time left before expiry)");
        } catch (RuntimeException e) {
            return new NoticeOutbox.Retry(m.id(), Instant.now().plus(backoff(m.attempts())), e.toString());
        }
    }

    /** Backoff after the given number of attempts: base, 2×, 4×, … */
    Duration backoff(int attempts) {
        return config.retryBackoff().multipliedBy(1L << Math.min(10, Math.max(0, attempts - 1)));
    }

    /** The state of the channels for the notice centre: enabled, and for SMS whether the link is up. */
    public ChannelStatus status() {
        return new ChannelStatus(sms.enabled(), sms.bound(), email.enabled());
    }

    public record ChannelStatus(boolean smsEnabled, boolean smsBound, boolean emailEnabled) {
    }

    void onStop(@Observes ShutdownEvent event) {
        window.shutdownNow();
    }
}
