package cn.keyaccount.report;

import cn.keyaccount.customer.CustomerQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The monthly batch: every customer with interval data in the month gets its report once. Exactly once holds by the
 * archive's unique key (customer × kind × period × issue 1, see {@link ReportService#issueScheduled}); the batch row
 * (report_batch) makes the work resumable: a node works while it holds the lease, and a batch whose worker stopped
 * reporting — a node killed, an application restarted — is taken over by the next resume run from its cursor.
 * <p>
 * The node that holds the lease makes the reports on {@code keyaccount.report.workers} threads (one per processor by
 * default: a report is CPU work — analysis, XLSX, DOCX — with a few database round trips in between). Customers are
 * handed out in id order, and their outcomes are written in that order as well: the cursor (the last customer id
 * handled) moves past a customer only when every customer before it is done, so a restart never skips one. At most
 * {@link #WINDOW_PER_WORKER} customers per worker are handed out ahead of the cursor; after a crash the resume run
 * visits those again and finds their reports made (counted as already there).
 */
@ApplicationScoped
class MonthlyReportBatch {

    private static final Logger LOG = Logger.getLogger(MonthlyReportBatch.class);
    private static final int PAGE = 100;
    /** Customers handed out per worker ahead of the cursor: enough that a slow report does not idle the others. */
    static final int WINDOW_PER_WORKER = 4;

    /** What one batch has done so far. */
    record Progress(String period, long cursor, int made, int skipped, int failed, boolean finished) {
    }

    /** A customer handed to a worker, and what came of it. */
    private record Handed(long customerId, Future<ReportService.Scheduled> outcome) {
    }

    private final ReportService reports;
    private final ReportConfig config;
    private final CustomerQueries customers;
    private final EntityManager em;

    MonthlyReportBatch(ReportService reports, ReportConfig config, CustomerQueries customers, EntityManager em) {
        this.reports = reports;
        this.config = config;
        this.customers = customers;
        this.em = em;
    }

    /** Starts (or, when it exists and is unfinished, continues) the batch of a month. */
    @ActivateRequestContext
    Progress start(YearMonth month, String worker) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into report_batch (kind, period) "
                        + "values (?1, ?2) on conflict (kind, period) do nothing")
                .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, month.toString()).executeUpdate());
        return run(month, worker, Integer.MAX_VALUE);
    }

    /** Takes over every unfinished batch whose worker stopped reporting. */
    @ActivateRequestContext
    void resumeInterrupted(String worker) {
        List<?> periods = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select period from "
                        + "report_batch where kind = ?1 and finished_at is null and (heartbeat_at is null "
                        + "or heartbeat_at < now() - cast(?2 as interval)) order by period")
                .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, config.lease().toSeconds() + " seconds")
                .getResultList());
        for (Object p : periods) {
            LOG.infof("Resuming the report batch of %s", p);
            run(YearMonth.parse((String) p), worker, Integer.MAX_VALUE);
        }
    }

    /** The number of report threads a node runs: the setting, else one per processor. */
    int workers() {
        return Math.max(1, config.workers().orElse(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Works on the month's batch while this worker holds its lease, at most {@code limit} customers (the job passes
     * no limit; tests stop a run midway as a crash would), on {@link #workers()} threads.
     */
    @ActivateRequestContext
    Progress run(YearMonth month, String worker, int limit) {
        return run(month, worker, limit, workers());
    }

    @ActivateRequestContext
    Progress run(YearMonth month, String worker, int limit, int threads) {
        String period = month.toString();
        if (!claim(period, worker)) {
            return progress(period);
        }
        // plain threads: each report opens a request context and transactions of its own (ReportService.issueScheduled)
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("report-batch-" + period + "-", 1).daemon().factory());
        try {
            return work(month, worker, limit, threads * WINDOW_PER_WORKER, pool);
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    private Progress work(YearMonth month, String worker, int limit, int window, ExecutorService pool) {
        String period = month.toString();
        Deque<Handed> handed = new ArrayDeque<>();
        long after = progress(period).cursor();
        Iterator<Long> page = List.<Long>of().iterator();
        boolean exhausted = false;
        int given = 0;
        while (true) {
            while (!exhausted && given < limit && handed.size() < window) {
                if (!page.hasNext()) {
                    page = nextPage(after).iterator();
                    if (!page.hasNext()) {
                        exhausted = true;
                        break;
                    }
                }
                long id = page.next();
                after = id;
                handed.add(new Handed(id, pool.submit(() -> reports.issueScheduled(id, month))));
                given++;
            }
            Handed oldest = handed.poll();
            if (oldest == null) {
                break;
            }
            ReportService.Scheduled outcome;
            try {
                outcome = oldest.outcome().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handed.forEach(h -> h.outcome().cancel(false));
                LOG.warnf("Report batch %s interrupted at customer %d; a resume run continues it", period,
                        oldest.customerId());
                return progress(period);
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "Report of customer %d for %s failed", oldest.customerId(), month);
                outcome = null;
            }
            if (!advance(period, worker, oldest.customerId(), outcome)) {
                handed.forEach(h -> h.outcome().cancel(false));
                LOG.warnf("Report batch %s: lease lost by %s", period, worker);
                return progress(period);
            }
        }
        if (!exhausted) {
            return progress(period);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch set "
                        + "finished_at = now(), heartbeat_at = now() where kind = ?1 and period = ?2 and worker = ?3")
                .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, period)
                .setParameter(3, worker).executeUpdate());
        Progress done = progress(period);
        LOG.infof("Report batch %s finished: %d made, %d already there, %d failed", period, done.made(),
                done.skipped(), done.failed());
        return done;
    }

    private List<Long> nextPage(long after) {
        return QuarkusTransaction.requiringNew().call(() -> customers.idsAfter(after, PAGE));
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            // a report takes about a second; those running finish (and are kept: each is stored whole or not at all)
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("Report batch threads still running after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean claim(String period, String worker) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update report_batch set worker = ?1, "
                        + "heartbeat_at = now() where kind = ?2 and period = ?3 and finished_at is null and "
                        + "(worker is null or worker = ?1 or heartbeat_at < now() - cast(?4 as interval))")
                .setParameter(1, worker).setParameter(2, ReportKind.ENERGY_AUDIT.name()).setParameter(3, period)
                .setParameter(4, config.lease().toSeconds() + " seconds").executeUpdate() == 1);
    }

    /** Moves the cursor past a customer (null outcome: it failed), while the lease is still this worker's. */
    private boolean advance(String period, String worker, long customerId, ReportService.Scheduled outcome) {
        String column = outcome == null ? "failed = failed + 1, " : switch (outcome) {
            case MADE -> "made = made + 1, ";
            case EXISTS -> "skipped = skipped + 1, ";
            case NO_DATA -> "";
        };
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update report_batch set " + column
                        + "cursor_id = ?1, heartbeat_at = now() where kind = ?2 and period = ?3 and worker = ?4")
                .setParameter(1, customerId).setParameter(2, ReportKind.ENERGY_AUDIT.name()).setParameter(3, period)
                .setParameter(4, worker).executeUpdate() == 1);
    }

    Progress progress(String period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select cursor_id, made, skipped, failed, finished_at is not null "
                            + "from report_batch where kind = ?1 and period = ?2")
                    .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, period).getResultList();
            if (rows.isEmpty()) {
                return new Progress(period, 0, 0, 0, 0, false);
            }
            Object[] r = (Object[]) rows.getFirst();
            return new Progress(period, ((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (Boolean) r[4]);
        });
    }
}
