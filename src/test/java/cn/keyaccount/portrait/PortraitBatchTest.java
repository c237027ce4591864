package cn.keyaccount.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PortraitBatchTest {

    @Inject
    PortraitBatch batch;
    @Inject
    PortraitComputation computation;
    @Inject
    PortraitStore store;
    @Inject
    EntityManager em;

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    private long openBatch() {
        return count("select id from portrait_batch where finished_at is null");
    }

    @Test
    void two_nodes_share_the_recompute_and_measure_each_customer_once_then_cluster_once() throws Exception {
        PortraitComputation.RunSummary alone = computation.recomputeAll();
        PortraitStore.StoredRun aloneRun = store.run();
        assertTrue(batch.create(20), "a new batch");
        assertFalse(batch.create(20), "one batch open at a time");
        long batchId = openBatch();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> stored = new ArrayList<>();
            for (String node : List.of("node-1", "node-2")) {
                stored.add(nodes.submit(() -> {
                    together.await();
                    return batch.work(node, 1);
                }));
            }
            int byOne = stored.get(0).get(5, TimeUnit.MINUTES);
            int byTwo = stored.get(1).get(5, TimeUnit.MINUTES);
            PortraitBatch.Progress done = batch.progress();
            assertEquals(batchId, done.batchId());
            assertTrue(done.finished(), "clustered and closed by one of the two");
            assertEquals(done.chunks(), byOne + byTwo, "every chunk stored once, by one of the two");
            assertTrue(byOne > 0 && byTwo > 0, "both nodes measured: " + byOne + " and " + byTwo + " chunks");
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(0, count("select count(*) from portrait_chunk where batch_id = " + batchId + " and claims <> 1"),
                "no chunk claimed twice");
        PortraitStore.StoredRun run = store.run();
        assertEquals(alone.customers(), run.customers(), "the customers with readings, as one node in memory finds");
        assertEquals(run.customers(), count("select sum(measured) from portrait_chunk where batch_id = " + batchId),
                "each measured once");
        assertEquals(run.customers(), count("select count(*) from portrait_customer"));
        assertEquals(alone.segmented(), run.segmented());
        assertEquals(alone.segments(), run.k());
        assertEquals(aloneRun.silhouettes(), run.silhouettes(), "the same clustering: the recompute is idempotent");
        assertEquals(0, count("select count(*) from portrait_stage"), "the stage is emptied with the close");
    }

    @Test
    void a_chunk_left_by_a_dead_node_is_measured_by_another_after_the_lease_and_the_run_stored_then() {
        computation.recomputeAll();
        PortraitStore.StoredRun before = store.run();
        assertTrue(batch.create(50), "a new batch");
        long batchId = openBatch();
        PortraitBatch.Chunk claimed = batch.claim("node-dead");
        assertNotNull(claimed);

        batch.work("node-b", 2);
        PortraitBatch.Progress meanwhile = batch.progress();
        assertFalse(meanwhile.finished(), "the dead node's chunk is still under its lease");
        assertEquals(meanwhile.chunks() - 1, meanwhile.chunksFinished());
        assertEquals(before.id(), store.run().id(), "the stored run stays until every chunk is measured");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update portrait_chunk set heartbeat_at = "
                + "now() - interval '1 hour' where id = ?1").setParameter(1, claimed.id()).executeUpdate());
        assertEquals(1, batch.work("node-b", 2), "node-b takes the dead node's chunk over");
        PortraitBatch.Progress done = batch.progress();
        assertTrue(done.finished());
        assertEquals(2, count("select claims from portrait_chunk where id = " + claimed.id()));
        PortraitStore.StoredRun run = store.run();
        assertTrue(run.id() != before.id(), "a new run");
        assertEquals(done.measured(), run.customers());
        assertEquals(before.customers(), run.customers(), "the same customers as the run before");
        assertEquals(0, count("select count(*) from portrait_stage where batch_id = " + batchId));
    }
}
