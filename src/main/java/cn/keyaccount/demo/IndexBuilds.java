package cn.keyaccount.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Builds index definitions in several sessions at once, each taking the next definition when it is done: the
 * generator's indexes over committed rows (a million customers: the GIN word index and about 30 B-trees) and the
 * search hints (V43), which read the committed rows too. The GIN index goes first and the hints next, so that the
 * sessions end at about the same time. Each session sorts with 512 MB (a GIN build
 * that fits in memory writes its index once instead of merging many runs).
 */
final class IndexBuilds {

    private static final Logger LOG = Logger.getLogger(IndexBuilds.class);

    private IndexBuilds() {
    }

    static void build(List<String> definitions, DemoDataGenerator.Connections sessions, int count)
            throws SQLException {
        List<String> ordered = new ArrayList<>(definitions);
        // the GIN word indexes first, then the search hints (a statement, not an index: V43), then the B-trees
        ordered.sort(Comparator.comparingInt((String d) -> d.contains("USING gin") ? 0 : d.contains("INDEX ") ? 2 : 1));
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(ordered);
        ExecutorService pool = Executors.newFixedThreadPool(count, r -> Thread.ofPlatform().name("demo-index")
                .daemon().unstarted(r));
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                running.add(pool.submit(() -> {
                    try (Connection c = sessions.open(); Statement s = c.createStatement()) {
                        c.setAutoCommit(true);
                        s.execute("set maintenance_work_mem = '512MB'");
                        for (String d; (d = queue.poll()) != null; ) {
                            long t = System.nanoTime();
                            s.execute(d);
                            LOG.infof("Demo data: phase index %s %d ms (side by side)",
                                    DemoDataGenerator.indexName(d), (System.nanoTime() - t) / 1_000_000);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while building the demo indexes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? s : new SQLException("building the demo indexes failed",
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
