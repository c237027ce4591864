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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The monthly batch: every customer with interval data in the month gets its report once, made by every live node
 * together. Exactly once holds by the archive's unique key (customer × kind × period × issue 1, see
 * {@link ReportService#issueScheduled}); the sharing and the resuming rest on chunks (report_batch_chunk): when a batch
 * is created its customers are split into ranges of {@code keyaccount.report.chunk-size} ids, and a node claims one
 * chunk at a time with {@code for update skip locked} (two nodes never take the same one) and a lease. It moves the
 * chunk's cursor past each customer it handled (with a heartbeat); a chunk whose node stopped reporting — killed,
 * restarted, hung — is claimed by another node after the lease and goes on from its cursor. The batch is finished when
 * its last chunk is.
 * <p>
 * A node makes its chunk's reports on {@code keyaccount.report.workers} threads (one per processor by default: a
 * report is CPU work — analysis, XLSX, DOCX — with a few database round trips in between). Customers are handed out in
 * id order and their outcomes written in that order: the cursor moves past a customer only when every customer before
 * it is done, so a takeover never skips one. At most {@link #WINDOW_PER_WORKER} customers per thread are handed out
 * ahead of the cursor; after a crash the next node visits those again and finds their reports made (already there).
 */
@ApplicationScoped
class MonthlyReportBatch {

    private static final Logger LOG = Logger.getLogger(MonthlyReportBatch.class);
    private static final int PAGE = 100;
    /** Customers handed out per worker ahead of the cursor: enough that a slow report does not idle the others. */
    static final int WINDOW_PER_WORKER = 4;

    /** What one batch has done so far, over all nodes. */
    record Progress(String period, int made, int skipped, int failed, int chunks, int chunksFinished,
                    boolean finished) {
    }

    /** A chunk claimed by a node: the customers after {@code afterId} up to {@code upToId} (null: no bound). */
    record Chunk(long id, long batchId, String period, long afterId, Long upToId, long cursor, int claims) {

        boolean covers(long customerId) {
            return upToId == null || customerId <= upToId;
        }
    }

    /** A customer handed to a worker, and what came of it. */
    private record Handed(long customerId, Future<ReportService.Scheduled> outcome) {
    }

    private final ReportService reports;
    private final ReportConfig config;
    private final CustomerQueries customers;
    private final EntityManager em;
    private final ReportBatchMetrics metrics;
    /** The workers working now: one per node (the monthly, resume and share jobs of a node share its name). */
    private final Set<String> working = ConcurrentHashMap.newKeySet();

    MonthlyReportBatch(ReportService reports, ReportConfig config, CustomerQueries customers, EntityManager em,
                       ReportBatchMetrics metrics) {
        this.reports = reports;
        this.config = config;
        this.customers = customers;
        this.em = em;
        this.metrics = metrics;
    }

    /** Creates the batch of a month (unless it exists) and works on it with the other nodes. */
    @ActivateRequestContext
    Progress start(YearMonth month, String worker) {
        create(month, config.chunkSize());
        work(worker, workers());
        return progress(month.toString());
    }

    /**
     * Creates the batch of a month and its chunks of {@code chunkSize} customers, in one transaction; false when it
     * exists already (a second node starting it waits on the unique key, then finds it).
     */
    @ActivateRequestContext
    boolean create(YearMonth month, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> created = em.createNativeQuery("insert into report_batch (kind, period) values (?1, ?2) "
                            + "on conflict (kind, period) do nothing returning id")
                    .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, month.toString())
                    .getResultList();
            if (created.isEmpty()) {
                return false;
            }
            split(((Number) created.getFirst()).longValue(), chunkSize);
            return true;
        });
    }

    /** Splits a batch's customers into chunks of {@code chunkSize}; the last chunk is open-ended. */
    private void split(long batchId, int chunkSize) {
        List<Long> ids = customers.idsAfter(0, Integer.MAX_VALUE);
        long after = 0;
        for (int end = chunkSize - 1; end < ids.size() - 1; end += chunkSize) {
            insertChunk(batchId, after, ids.get(end));
            after = ids.get(end);
        }
        insertChunk(batchId, after, null);
    }

    /**
     * Splits the unfinished batches that have no chunks: one inserted by hand to run a month again
     * (scheduler/README.md). The batch row is locked, so that two nodes do not both split it.
     */
    private void splitBatchesWithoutChunks() {
        List<?> unsplit = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select b.id from "
                        + "report_batch b where b.kind = ?1 and b.finished_at is null and not exists "
                        + "(select 1 from report_batch_chunk c where c.batch_id = b.id)")
                .setParameter(1, ReportKind.ENERGY_AUDIT.name()).getResultList());
        for (Object id : unsplit) {
            long batchId = ((Number) id).longValue();
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select id from report_batch where id = ?1 for update").setParameter(1, batchId)
                        .getResultList();
                boolean split = ((Number) em.createNativeQuery("select count(*) from report_batch_chunk "
                        + "where batch_id = ?1").setParameter(1, batchId).getSingleResult()).longValue() > 0;
                if (!split) {
                    split(batchId, config.chunkSize());
                }
            });
        }
    }

    private void insertChunk(long batchId, long after, Long upTo) {
        em.createNativeQuery("insert into report_batch_chunk (batch_id, after_id, up_to_id, cursor_id) "
                        + "values (?1, ?2, cast(?3 as bigint), ?2)")
                .setParameter(1, batchId).setParameter(2, after).setParameter(3, upTo).executeUpdate();
    }

    /** The number of report threads a node runs: the setting, else one per processor. */
    int workers() {
        return Math.max(1, config.workers().orElse(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Works on the unfinished batches as {@code worker} on {@code threads} threads: claims a chunk, makes its reports,
     * and again, until no chunk is left to claim; then closes the batches whose every chunk is finished. Returns the
     * number of chunks this call finished (0 when this node is already working on a batch).
     */
    @ActivateRequestContext
    int work(String worker, int threads) {
        if (!working.add(worker)) {
            return 0;
        }
        // plain threads: each report opens a request context and transactions of its own (ReportService.issueScheduled)
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("report-batch-", 1).daemon().factory());
        try {
            splitBatchesWithoutChunks();
            int finished = 0;
            for (Chunk chunk = claim(worker); chunk != null; chunk = claim(worker)) {
                if (workOn(chunk, worker, threads * WINDOW_PER_WORKER, pool)) {
                    finished++;
                }
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            closeFinished();
            return finished;
        } finally {
            working.remove(worker);
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    /**
     * Claims the next chunk nobody works on — never claimed, or its node silent for longer than the lease — of the
     * oldest unfinished batch; null when there is none.
     */
    Chunk claim(String worker) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("""
                            with next as (
                                select c.id from report_batch_chunk c join report_batch b on b.id = c.batch_id
                                 where b.kind = ?1 and b.finished_at is null and c.finished_at is null
                                   and (c.worker is null or c.heartbeat_at < now() - cast(?2 as interval))
                                 order by b.period, c.after_id
                                 limit 1
                                 for update of c skip locked)
                            update report_batch_chunk c
                               set worker = ?3, heartbeat_at = now(), claims = c.claims + 1
                              from next, report_batch b
                             where c.id = next.id and b.id = c.batch_id
                            returning c.id, c.batch_id, b.period, c.after_id, c.up_to_id, c.cursor_id, c.claims""")
                    .setParameter(1, ReportKind.ENERGY_AUDIT.name())
                    .setParameter(2, config.lease().toSeconds() + " seconds").setParameter(3, worker)
                    .getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] r = (Object[]) rows.getFirst();
            return new Chunk(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue(),
                    ((Number) r[5]).longValue(), ((Number) r[6]).intValue());
        });
    }

    /** Makes a chunk's reports from its cursor; true when this worker finished it, false when its lease was lost. */
    private boolean workOn(Chunk chunk, String worker, int window, ExecutorService pool) {
        YearMonth month = YearMonth.parse(chunk.period());
        if (chunk.claims() > 1) {
            metrics.tookOver();
            LOG.infof("Report batch %s: %s takes over the chunk after customer %d from customer %d on",
                    chunk.period(), worker, chunk.afterId(), chunk.cursor());
        }
        Deque<Handed> handed = new ArrayDeque<>();
        long after = chunk.cursor();
        Iterator<Long> page = List.<Long>of().iterator();
        boolean exhausted = false;
        while (true) {
            while (!exhausted && handed.size() < window) {
                if (!page.hasNext()) {
                    page = nextPage(after).iterator();
                    if (!page.hasNext()) {
                        exhausted = true;
                        break;
                    }
                }
                long id = page.next();
                if (!chunk.covers(id)) {
                    exhausted = true;
                    break;
                }
                after = id;
                handed.add(new Handed(id, pool.submit(() -> reports.issueScheduled(id, month))));
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
                LOG.warnf("Report batch %s interrupted at customer %d; another node takes the chunk over after the "
                        + "lease", chunk.period(), oldest.customerId());
                return false;
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "Report of customer %d for %s failed", oldest.customerId(), month);
                outcome = null;
            }
            metrics.handled(outcome);
            if (!advance(chunk, worker, oldest.customerId(), outcome)) {
                handed.forEach(h -> h.outcome().cancel(false));
                LOG.warnf("Report batch %s: %s lost the lease of the chunk after customer %d", chunk.period(),
                        worker, chunk.afterId());
                return false;
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update report_batch_chunk set "
                        + "finished_at = now(), heartbeat_at = now() where id = ?1 and worker = ?2 "
                        + "and finished_at is null")
                .setParameter(1, chunk.id()).setParameter(2, worker).executeUpdate() == 1);
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

    /**
     * Moves the chunk's cursor past a customer (null outcome: it failed) and counts the outcome in the batch, while
     * the chunk is still this worker's; false when another node took it over.
     */
    private boolean advance(Chunk chunk, String worker, long customerId, ReportService.Scheduled outcome) {
        String column = outcome == null ? "failed = failed + 1" : switch (outcome) {
            case MADE -> "made = made + 1";
            case EXISTS -> "skipped = skipped + 1";
            case NO_DATA -> null;
        };
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean ours = em.createNativeQuery("update report_batch_chunk set cursor_id = ?1, heartbeat_at = now() "
                            + "where id = ?2 and worker = ?3 and finished_at is null")
                    .setParameter(1, customerId).setParameter(2, chunk.id()).setParameter(3, worker)
                    .executeUpdate() == 1;
            if (ours && column != null) {
                em.createNativeQuery("update report_batch set " + column + " where id = ?1")
                        .setParameter(1, chunk.batchId()).executeUpdate();
            }
            return ours;
        });
    }

    /** Closes the batches whose every chunk is finished (whichever node finished the last one). */
    private void closeFinished() {
        List<?> closed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update report_batch b "
                        + "set finished_at = now() where b.kind = ?1 and b.finished_at is null and not exists "
                        + "(select 1 from report_batch_chunk c where c.batch_id = b.id and c.finished_at is null) "
                        + "returning b.period")
                .setParameter(1, ReportKind.ENERGY_AUDIT.name()).getResultList());
        for (Object period : closed) {
            Progress done = progress((String) period);
            LOG.infof("Report batch %s finished: %d made, %d already there, %d failed", period, done.made(),
                    done.skipped(), done.failed());
        }
    }

    Progress progress(String period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select b.made, b.skipped, b.failed, count(c.id), "
                            + "count(c.finished_at), b.finished_at is not null from report_batch b "
                            + "left join report_batch_chunk c on c.batch_id = b.id "
                            + "where b.kind = ?1 and b.period = ?2 group by b.id")
                    .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, period).getResultList();
            if (rows.isEmpty()) {
                return new Progress(period, 0, 0, 0, 0, 0, false);
            }
            Object[] r = (Object[]) rows.getFirst();
            return new Progress(period, ((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                    ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                    (Boolean) r[5]);
        });
    }
}
