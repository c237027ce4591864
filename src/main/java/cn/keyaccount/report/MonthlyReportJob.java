package cn.keyaccount.report;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;

/**
 * The monthly batch's jobs. On Quartz's clustered store (each firing runs on one node): on the 1st of every month the
 * batch of the month just ended is created and its node starts on it; every few minutes a look for an unfinished batch
 * that no node works on. On Quarkus's own scheduler, on every node: every {@code keyaccount.report.share-every} a look
 * for a chunk to claim, so that every live node makes reports of the batch.
 */
@ApplicationScoped
class MonthlyReportJob {

    /** This node's name in the chunks' leases: host and process, unique per start. */
    private static final String WORKER = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final MonthlyReportBatch batch;

    private final Clock clock;

    MonthlyReportJob(Clock clock, MonthlyReportBatch batch) {
        this.clock = clock;
        this.batch = batch;
    }

    @Scheduled(identity = "energy-report-monthly", cron = "{keyaccount.report.monthly-cron}",
            timeZone = "${keyaccount.zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void monthly() {
        batch.start(YearMonth.now(clock).minusMonths(1), WORKER);
    }

    @Scheduled(identity = "energy-report-resume", every = "{keyaccount.report.resume-every}",
            delayed = "{keyaccount.report.resume-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resume() {
        batch.work(WORKER, batch.workers());
    }

    @Scheduled(identity = "energy-report-share", every = "{keyaccount.report.share-every}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void share() {
        batch.work(WORKER, batch.workers());
    }
}
