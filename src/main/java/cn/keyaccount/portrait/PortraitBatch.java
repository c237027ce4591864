package cn.keyaccount.portrait;

import cn.keyaccount.customer.CustomerQueries;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The recompute shared by every live node (like the report batch, {@code report/MonthlyReportBatch}), in two phases.
 * <p>
 * <b>Phase 1, measuring, per chunk.</b> A batch splits the customers into chunks of {@code
 * keyaccount.portrait.chunk-size} ids; a node claims one chunk at a time ({@code for update skip locked}, a lease of
 * {@code keyaccount.portrait.lease}), measures its customers ({@link PortraitComputation#measure}) and stores the
 * measures in portrait_stage in the same transaction as the chunk's finish, and only while the chunk is still its own:
 * a chunk is stored whole or not at all, once. A node that dies leaves its chunk unfinished and unstored; another node
 * claims it after the lease and measures it again.
 * <p>
 * <b>Phase 2, clustering, once.</b> The node that finds every chunk of the batch finished locks the batch row ({@code
 * for update skip locked}: the others go on), reads every staged measure, clusters and stores the run ({@link
 * PortraitComputation#finish}), deletes the stage and closes the batch — one transaction, so a node dying there
 * leaves the batch to the next node that looks (every node's share job does). The hand-over between the phases is the
 * batch's chunks: phase 2 starts only when the last chunk's finish is committed, and reads only committed measures.
 */
@ApplicationScoped
class PortraitBatch {

    private static final Logger LOG = Logger.getLogger(PortraitBatch.class);

    /** What a batch has done so far, over all nodes. */
    record Progress(long batchId, LocalDate from, LocalDate to, OffsetDateTime createdAt, int chunks,
                    int chunksFinished, int measured, boolean finished, Long millis) {
    }

    /** A chunk claimed by a node: the customers after {@code afterId} up to {@code upToId} (null: no bound). */
    record Chunk(long id, long batchId, LocalDate from, LocalDate to, long afterId, Long upToId, int claims) {

        boolean covers(long customerId) {
            return customerId > afterId && (upToId == null || customerId <= upToId);
        }
    }

    private final PortraitComputation computation;
    private final PortraitConfig config;
    private final CustomerQueries customers;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    /** The workers working now on this node (the monthly, catch-up and share jobs share the node's name). */
    private final Set<String> working = ConcurrentHashMap.newKeySet();

    PortraitBatch(PortraitComputation computation, PortraitConfig config, CustomerQueries customers,
                  AgroalDataSource dataSource, Clock clock) {
        this.clock = clock;
        this.computation = computation;
        this.config = config;
        this.customers = customers;
        this.dataSource = dataSource;
    }

    /** Creates a batch (unless one is open) and works on it with the other nodes; the batch's progress after. */
    @ActivateRequestContext
    Progress start(String worker) {
        create(config.chunkSize());
        work(worker, PortraitComputation.threads());
        return progress();
    }

    /**
     * Creates a batch over the current period and its chunks of {@code chunkSize} customers, in one transaction;
     * false when one is open already (nodes creating at once are serialised by an advisory lock).
     */
    @ActivateRequestContext
    boolean create(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        PortraitComputation.Period period = computation.currentPeriod();
        return QuarkusTransaction.requiringNew().call(() -> sql(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtext('portrait_batch'))");
                try (ResultSet rs = s.executeQuery("select exists (select 1 from portrait_batch "
                        + "where finished_at is null)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
            long batchId;
            try (PreparedStatement ps = c.prepareStatement("insert into portrait_batch (period_from, period_to, "
                    + "created_at) values (?, ?, ?) returning id")) {
                ps.setObject(1, period.from());
                ps.setObject(2, period.to());
                ps.setObject(3, OffsetDateTime.now(clock));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    batchId = rs.getLong(1);
                }
            }
            int customerCount = split(c, batchId, chunkSize);
            LOG.infof("Portrait batch %d created: %d customers in chunks of %d", batchId, customerCount, chunkSize);
            return true;
        }));
    }

    /** Splits a batch's customers into chunks of {@code chunkSize}; the last chunk is open-ended. */
    private int split(Connection c, long batchId, int chunkSize) throws SQLException {
        List<Long> ids = customers.idsAfter(0, Integer.MAX_VALUE);
        try (PreparedStatement ps = c.prepareStatement("insert into portrait_chunk (batch_id, after_id, up_to_id) "
                + "values (?, ?, ?)")) {
            long after = 0;
            for (int end = chunkSize - 1; end < ids.size() - 1; end += chunkSize) {
                addChunk(ps, batchId, after, ids.get(end));
                after = ids.get(end);
            }
            addChunk(ps, batchId, after, null);
            ps.executeBatch();
        }
        return ids.size();
    }

    /**
     * Splits an open batch that has no chunks: one inserted by hand to recompute now (docs/portrait.md). The batch row
     * is locked, so that two nodes do not both split it.
     */
    private void splitBatchWithoutChunks() {
        QuarkusTransaction.requiringNew().run(() -> sql(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select b.id from portrait_batch b "
                    + "where b.finished_at is null and not exists (select 1 from portrait_chunk c where c.batch_id = "
                    + "b.id) for update skip locked")) {
                if (rs.next()) {
                    split(c, rs.getLong(1), config.chunkSize());
                }
            }
            return null;
        }));
    }

    private static void addChunk(PreparedStatement ps, long batchId, long after, Long upTo) throws SQLException {
        ps.setLong(1, batchId);
        ps.setLong(2, after);
        ps.setObject(3, upTo);
        ps.addBatch();
    }

    /**
     * Works on the open batch as {@code worker}: claims a chunk, measures it on {@code threads} threads, stores it,
     * and again until no chunk is left to claim; then closes the batch when every chunk is finished and no other node
     * is closing it. Returns the number of chunks this call stored (0 when this node is already working).
     */
    @ActivateRequestContext
    int work(String worker, int threads) {
        if (!working.add(worker)) {
            return 0;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("portrait-", 1).daemon().factory())) {
            splitBatchWithoutChunks();
            int stored = 0;
            for (Chunk chunk = claim(worker); chunk != null; chunk = claim(worker)) {
                if (measure(chunk, worker, pool)) {
                    stored++;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return stored;
                }
            }
            if (stored > 0) {
                LOG.infof("Portrait batch: %s measured %d chunks; on this node since its start: %s", worker, stored,
                        computation.stageTimes());
            }
            closeIfMeasured();
            return stored;
        } finally {
            working.remove(worker);
        }
    }

    /** Claims the next chunk nobody works on (never claimed, or its node silent past the lease); null when none. */
    Chunk claim(String worker) {
        return QuarkusTransaction.requiringNew().call(() -> sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    with next as (
                        select c.id from portrait_chunk c join portrait_batch b on b.id = c.batch_id
                         where b.finished_at is null and c.finished_at is null
                           and (c.worker is null or c.heartbeat_at < now() - cast(? as interval))
                         order by c.after_id
                         limit 1
                         for update of c skip locked)
                    update portrait_chunk c
                       set worker = ?, heartbeat_at = now(), claims = c.claims + 1
                      from next, portrait_batch b
                     where c.id = next.id and b.id = c.batch_id
                    returning c.id, c.batch_id, b.period_from, b.period_to, c.after_id, c.up_to_id, c.claims""")) {
                ps.setString(1, config.lease().toSeconds() + " seconds");
                ps.setString(2, worker);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Chunk(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), rs.getLong(5), (Long) rs.getObject(6), rs.getInt(7));
                }
            }
        }));
    }

    /** Measures a chunk and stores it with its finish; false when the lease was lost meanwhile (nothing stored). */
    private boolean measure(Chunk chunk, String worker, ExecutorService pool) {
        if (chunk.claims() > 1) {
            LOG.infof("Portrait batch %d: %s takes over the chunk after customer %d", chunk.batchId(), worker,
                    chunk.afterId());
        }
        PortraitComputation.Period period = new PortraitComputation.Period(chunk.from(), chunk.to());
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> out = new ArrayList<>();
            long after = chunk.afterId();
            for (List<Long> page = customers.idsAfter(after, 500); !page.isEmpty();
                 page = customers.idsAfter(after, 500)) {
                for (long id : page) {
                    if (!chunk.covers(id)) {
                        return out;
                    }
                    out.add(id);
                }
                after = page.getLast();
            }
            return out;
        });
        List<CustomerMeasure> measured = computation.measure(ids, period, pool);
        boolean ours = QuarkusTransaction.requiringNew().call(() -> sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("update portrait_chunk set finished_at = now(), "
                    + "heartbeat_at = now(), measured = ? where id = ? and worker = ? and finished_at is null")) {
                ps.setInt(1, measured.size());
                ps.setLong(2, chunk.id());
                ps.setString(3, worker);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            // the chunk's measures in one COPY
            try (BinaryCopy copy = new BinaryCopy(c, "portrait_stage (batch_id, customer_id, data)")) {
                for (CustomerMeasure m : measured) {
                    copy.row(3).int8(chunk.batchId()).int8(m.customerId()).bytea(m.encode());
                }
                copy.finish();
            }
            return true;
        }));
        if (!ours) {
            LOG.warnf("Portrait batch %d: %s lost the lease of the chunk after customer %d", chunk.batchId(), worker,
                    chunk.afterId());
        }
        return ours;
    }

    /**
     * Phase 2: when every chunk of the open batch is finished and no other node holds the batch, clusters and stores
     * the run from the staged measures and closes the batch, in one transaction.
     */
    private void closeIfMeasured() {
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout((int) config.closeTimeout().toSeconds()).run(() -> sql(c -> {
            long batchId;
            PortraitComputation.Period period;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select b.id, b.period_from, "
                    + "b.period_to from portrait_batch b where b.finished_at is null and exists (select 1 from "
                    + "portrait_chunk c where c.batch_id = b.id) and not exists (select 1 from portrait_chunk c "
                    + "where c.batch_id = b.id and c.finished_at is null) for update skip locked")) {
                if (!rs.next()) {
                    return null;
                }
                batchId = rs.getLong(1);
                period = new PortraitComputation.Period(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class));
            }
            List<CustomerMeasure> measured = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select data from portrait_stage where batch_id = ? "
                    + "order by customer_id")) {
                ps.setLong(1, batchId);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        measured.add(CustomerMeasure.decode(rs.getBytes(1)));
                    }
                }
            }
            PortraitComputation.RunSummary run = computation.finish(measured, period, started);
            try (PreparedStatement ps = c.prepareStatement("delete from portrait_stage where batch_id = ?")) {
                ps.setLong(1, batchId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update portrait_batch set finished_at = clock_timestamp(), "
                    + "customers = ?, millis = extract(epoch from clock_timestamp() - started_at) * 1000 where id = ?")) {
                ps.setInt(1, run.customers());
                ps.setLong(2, batchId);
                ps.executeUpdate();
            }
            LOG.infof("Portrait batch %d closed: %d customers measured, clustered and stored", batchId,
                    run.customers());
            return null;
        }));
    }

    /** The open batch's progress, else the last one's; null before the first batch. */
    Progress progress() {
        return QuarkusTransaction.joiningExisting().call(() -> sql(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select b.id, b.period_from, "
                    + "b.period_to, b.created_at, count(c.id), count(c.finished_at), coalesce(sum(c.measured), 0), "
                    + "b.finished_at is not null, b.millis from portrait_batch b left join portrait_chunk c "
                    + "on c.batch_id = b.id group by b.id order by b.finished_at is null desc, b.id desc limit 1")) {
                if (!rs.next()) {
                    return null;
                }
                return new Progress(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        rs.getBoolean(8), (Long) rs.getObject(9));
            }
        }));
    }

    /** When the last batch was created (open or not), null before the first: the catch-up's "has it run". */
    OffsetDateTime lastCreated() {
        Progress p = progress();
        return p == null ? null : p.createdAt();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("portrait batch: " + e.getMessage(), e);
        }
    }
}
