package cn.keyaccount.portrait;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * The recompute's jobs ({@link PortraitBatch}). On Quartz's clustered store (each firing runs on one node): the monthly
 * firing creates the batch and its node starts on it; the hourly catch-up creates it when the month's firing was
 * missed (no batch since). On Quarkus's own scheduler, on every node: every {@code keyaccount.portrait.share-every} a
 * look for a chunk to measure (and, once all are measured, for the clustering to do), so that every live node works
 * on the batch and a dead node's chunk is taken over.
 */
@ApplicationScoped
class PortraitJob {

    /** This node's name in the chunks' leases: host and process, unique per start. */
    static final String WORKER = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final PortraitBatch batch;
    private final PortraitStore store;
    private final Clock clock;
    private final int dayOfMonth;
    private final int hour;

    PortraitJob(PortraitBatch batch, PortraitStore store, Clock clock, PortraitConfig config) {
        this.batch = batch;
        this.store = store;
        this.clock = clock;
        // "s m h day-of-month …": the catch-up's notion of "due" follows the configured firing
        String[] fields = config.monthlyCron().trim().split("\\s+");
        this.hour = number(fields, 2, 4);
        this.dayOfMonth = number(fields, 3, 2);
    }

    @Scheduled(identity = "portrait-monthly", cron = "{keyaccount.portrait.monthly-cron}",
            timeZone = "${keyaccount.zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void monthly() {
        batch.start(WORKER);
    }

    @Scheduled(identity = "portrait-catch-up", every = "{keyaccount.portrait.catch-up-every}",
            delayed = "{keyaccount.portrait.catch-up-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        if (due()) {
            batch.start(WORKER);
        } else {
            batch.work(WORKER, PortraitComputation.threads());
        }
    }

    @Scheduled(identity = "portrait-share", every = "{keyaccount.portrait.share-every}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void share() {
        batch.work(WORKER, PortraitComputation.threads());
    }

    /** Whether neither a run nor a batch has been started since the last monthly firing time. */
    boolean due() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDateTime thisMonth = now.toLocalDate().withDayOfMonth(Math.min(dayOfMonth,
                now.toLocalDate().lengthOfMonth())).atTime(hour, 0);
        ZonedDateTime lastFiring = thisMonth.atZone(clock.getZone());
        if (lastFiring.isAfter(now)) {
            lastFiring = lastFiring.minusMonths(1);
        }
        PortraitStore.StoredRun run = store.run();
        OffsetDateTime computed = run == null ? null : run.computedAt();
        OffsetDateTime created = batch.lastCreated();
        return (computed == null || computed.toInstant().isBefore(lastFiring.toInstant()))
                && (created == null || created.toInstant().isBefore(lastFiring.toInstant()));
    }

    private static int number(String[] fields, int index, int fallback) {
        try {
            return Integer.parseInt(fields[index]);
        } catch (RuntimeException e) {
            return fallback; // a list, range or "?" there: the default firing time is close enough for a catch-up
        }
    }
}
