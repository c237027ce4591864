package cn.keyaccount.report;

import cn.keyaccount.base.CachedReading;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The monthly batch's metrics (docs/monitoring.md): what this node made ({@code keyaccount_report_batch_customers_total}
 * by outcome, chunks taken over from a silent node), and the progress of the unfinished batches over all nodes from
 * one query, read at most every few seconds however often and by whom the metrics are scraped.
 */
@Startup
@ApplicationScoped
class ReportBatchMetrics {

    /** A chunk of an unfinished batch: finished, being made by a node holding its lease, or waiting for one. */
    enum ChunkState { FINISHED, WORKING, WAITING }

    private static final String PROGRESS = """
            select count(*) filter (where c.finished_at is not null),
                   count(*) filter (where c.finished_at is null and c.worker is not null
                                      and c.heartbeat_at >= now() - cast(? as interval)),
                   count(*) filter (where c.finished_at is null and (c.worker is null
                                      or c.heartbeat_at < now() - cast(? as interval))),
                   count(distinct b.id)
              from report_batch b join report_batch_chunk c on c.batch_id = b.id
             where b.finished_at is null""";

    /** The unfinished batches' chunks by state, and how many batches are unfinished. */
    record Snapshot(Map<ChunkState, Long> chunks, long batches) {
    }

    private final Map<String, Counter> handled = new java.util.HashMap<>();
    private final Counter tookOver;
    private final CachedReading<Snapshot> progress;

    ReportBatchMetrics(MeterRegistry registry, AgroalDataSource dataSource, ReportConfig config) {
        for (String outcome : new String[] {"made", "exists", "no_data", "failed"}) {
            handled.put(outcome, Counter.builder("keyaccount.report.batch.customers").tag("outcome", outcome)
                    .description("Customers the monthly report batch handled on this node").register(registry));
        }
        tookOver = Counter.builder("keyaccount.report.batch.takeovers")
                .description("Chunks this node took over from a node that stopped reporting").register(registry);
        String lease = config.lease().toSeconds() + " seconds";
        progress = new CachedReading<>(() -> read(dataSource, lease), new Snapshot(Map.of(), 0));
        for (ChunkState state : ChunkState.values()) {
            Gauge.builder("keyaccount.report.batch.chunks", progress,
                            p -> p.get().chunks().getOrDefault(state, 0L))
                    .tag("state", state.name().toLowerCase()).strongReference(true)
                    .description("Chunks of the unfinished report batches (all nodes)").register(registry);
        }
        Gauge.builder("keyaccount.report.batch.open", progress, p -> p.get().batches()).strongReference(true)
                .description("Unfinished report batches").register(registry);
    }

    void handled(ReportService.Scheduled outcome) {
        handled.get(outcome == null ? "failed" : outcome.name().toLowerCase()).increment();
    }

    void tookOver() {
        tookOver.increment();
    }

    private static Snapshot read(AgroalDataSource dataSource, String lease) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PROGRESS)) {
            s.setString(1, lease);
            s.setString(2, lease);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Map<ChunkState, Long> chunks = new EnumMap<>(ChunkState.class);
                chunks.put(ChunkState.FINISHED, r.getLong(1));
                chunks.put(ChunkState.WORKING, r.getLong(2));
                chunks.put(ChunkState.WAITING, r.getLong(3));
                return new Snapshot(chunks, r.getLong(4));
            }
        }
    }
}
