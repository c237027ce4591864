package cn.keyaccount.portrait;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the suite; run it with {@code bench/portrait}): the monthly
 * recompute as the job runs it ({@link PortraitBatch}: chunks measured, then clustered and stored once) over every demo
 * customer with interval data, on this one node, with the largest heap in
 * use sampled every 20 ms, then one portrait (what the portrait tab reads) for 200 customers, warm: median and 95th
 * percentile. The size comes from {@code keyaccount.demo.customers} and {@code keyaccount.demo.energy-customers}.
 */
@QuarkusTest
class PortraitBenchmark {

    @Inject
    PortraitBatch batch;
    @Inject
    PortraitConfig config;
    @Inject
    PortraitService portraits;
    @Inject
    PortraitStore store;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    @Test
    void recompute_and_portrait_page() throws Exception {
        long meterDays = ((Number) em.createNativeQuery("select count(*) from meter_day").getSingleResult())
                .longValue();
        AtomicLong maxHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        System.gc();
        sampler.scheduleAtFixedRate(() -> maxHeap.accumulateAndGet(heapUsed(), Math::max), 0, 20,
                TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        // the monthly job's path on this one node: a batch of chunks, measured on one thread per processor, then
        // clustered and stored in one transaction
        batch.create(config.chunkSize());
        batch.work("bench", PortraitComputation.threads());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        sampler.shutdownNow();
        PortraitBatch.Progress done = batch.progress();
        PortraitStore.StoredRun run = store.run();
        System.out.printf("PORTRAIT BENCHMARK: %d meter-days; %d customers with readings (%d chunks of %d, finished "
                        + "%s), %d segmented, k = %d (silhouettes %s): recompute %.1f s on %d threads, max heap in use "
                        + "%d MB (-Xmx %d MB); load average %s%n", meterDays, run.customers(), done.chunks(),
                config.chunkSize(), done.finished(), run.segmented(), run.k(), run.silhouettes(), millis / 1000.0,
                PortraitComputation.threads(), maxHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                loadAverage());
        Viewer admin = users.viewer("admin");
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select customer_id from portrait_customer order by customer_id "
                + "limit 200").getResultList();
        for (Number id : ids) {
            portraits.portrait(admin, id.longValue()); // warm-up
        }
        long[] nanos = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long s = System.nanoTime();
            portraits.portrait(admin, ids.get(i).longValue());
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf("PORTRAIT BENCHMARK: one portrait (service, %d customers): median %.1f ms, p95 %.1f ms; "
                        + "load average %s%n", nanos.length, nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6, loadAverage());
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
