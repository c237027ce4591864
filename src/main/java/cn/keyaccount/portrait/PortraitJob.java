package cn.keyaccount.portrait;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The monthly recompute, on Quartz's clustered store (each firing runs on one node), and its hourly catch-up: when
 * the stored run was computed before this month's firing time (the firing was missed, or its node died mid-run, which
 * leaves the previous run in place since a run is stored in one transaction), the catch-up makes it up.
 */
@ApplicationScoped
class PortraitJob {

    private final PortraitComputation computation;
    private final PortraitStore store;
    private final Clock clock;
    private final int dayOfMonth;
    private final int hour;

    PortraitJob(PortraitComputation computation, PortraitStore store, Clock clock, PortraitConfig config) {
        this.computation = computation;
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
        computation.recomputeAll();
    }

    @Scheduled(identity = "portrait-catch-up", every = "{keyaccount.portrait.catch-up-every}",
            delayed = "{keyaccount.portrait.catch-up-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        if (due()) {
            computation.recomputeAll();
        }
    }

    /** Whether the stored run is older than the last monthly firing time (or there is none). */
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
        return computed == null || computed.toInstant().isBefore(lastFiring.toInstant());
    }

    private static int number(String[] fields, int index, int fallback) {
        try {
            return Integer.parseInt(fields[index]);
        } catch (RuntimeException e) {
            return fallback; // a list, range or "?" there: the default firing time is close enough for a catch-up
        }
    }
}
