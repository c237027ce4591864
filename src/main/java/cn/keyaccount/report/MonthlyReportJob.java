package cn.keyaccount.report;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Quartz jobs on the clustered store (each firing runs on one node): on the 1st of every month the reports of the
 * month just ended; every few minutes a look for a batch interrupted by a dead or restarted node, which is resumed
 * from its cursor.
 */
@ApplicationScoped
class MonthlyReportJob {

    /** This node's name in the batch lease: host and process, unique per start. */
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
        batch.resumeInterrupted(WORKER);
    }
}
