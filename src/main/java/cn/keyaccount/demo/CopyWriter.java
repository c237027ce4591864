package cn.keyaccount.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Sends {@link CopyRows} batches to PostgreSQL on a thread of its own, in the order they were handed over, on the
 * generator's connection and transaction: the generator makes the next customers while PostgreSQL stores the last
 * ones (two cores, two kinds of work). At most {@link #PENDING} batches wait (bounded memory); the generator must not
 * use the connection until {@link #drain()} has returned. The first failure stops the sending and is thrown by the
 * next {@link #send} or {@link #drain}. Counts, per table, the rows, bytes and time of its COPY statements.
 */
final class CopyWriter implements AutoCloseable {

    /** Batches waiting at most (about 2,000 customers' rows of one table each: a few MB in all). */
    static final int PENDING = 16;

    private record Batch(String copy, String table, String rows, int count) {
    }

    private static final Batch STOP = new Batch(null, null, null, 0);
    private static final Batch DRAIN = new Batch(null, null, null, 0);

    private final Connection connection;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(PENDING);
    private final BlockingQueue<Object> drained = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private volatile Throwable failure;
    /** Per table: rows, bytes, nanoseconds; written by the sending thread, read after {@link #drain()}. */
    private final Map<String, long[]> totals = new LinkedHashMap<>();
    /** Nanoseconds the generator waited for room in the queue or for the drain. */
    private long waited;
    /** CPU nanoseconds of the sending thread (encoding the rows, the driver); written by it, read after a drain. */
    private long cpu;

    CopyWriter(Connection connection) {
        this.connection = connection;
        this.thread = Thread.ofPlatform().name("demo-copy").daemon().unstarted(this::run);
        thread.start();
    }

    /** Queues the rows (COPY text format) for {@code copy}; blocks while {@link #PENDING} batches wait. */
    void send(String copy, String table, String rows, int count) throws SQLException {
        rethrow();
        long t = System.nanoTime();
        try {
            while (!queue.offer(new Batch(copy, table, rows, count), 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sending demo rows", e);
        }
        waited += System.nanoTime() - t;
    }

    /** Waits until every queued batch is stored; the connection is the caller's again afterwards. */
    void drain() throws SQLException {
        rethrow();
        long t = System.nanoTime();
        try {
            while (!queue.offer(DRAIN, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
            while (drained.poll(100, TimeUnit.MILLISECONDS) == null) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while sending demo rows", e);
        }
        waited += System.nanoTime() - t;
        rethrow();
    }

    /** Per table: {rows, bytes, nanoseconds of COPY}; valid after {@link #drain()}. */
    Map<String, long[]> totals() {
        return totals;
    }

    long waitedNanos() {
        return waited;
    }

    /** CPU nanoseconds of the sending thread so far; valid after {@link #drain()}. */
    long cpuNanos() {
        return cpu;
    }

    private void rethrow() throws SQLException {
        Throwable f = failure;
        if (f instanceof SQLException e) {
            throw e;
        }
        if (f != null) {
            throw new SQLException("sending demo rows failed", f);
        }
    }

    private void run() {
        while (true) {
            Batch b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (b == STOP) {
                return;
            }
            if (b == DRAIN) {
                cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                drained.offer(Boolean.TRUE);
                continue;
            }
            if (failure != null) {
                continue;
            }
            try {
                long t = System.nanoTime();
                byte[] bytes = b.rows().getBytes(StandardCharsets.UTF_8);
                CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(b.copy());
                try {
                    in.writeToCopy(bytes, 0, bytes.length);
                    in.endCopy();
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
                long[] total = totals.computeIfAbsent(b.table(), k -> new long[3]);
                total[0] += b.count();
                total[1] += bytes.length;
                total[2] += System.nanoTime() - t;
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
        }
    }

    @Override
    public void close() {
        queue.clear();
        while (!queue.offer(STOP)) {
            queue.clear();
        }
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
