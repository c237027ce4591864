package cn.keyaccount.portrait;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.Api;
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
 * customer with interval data, on this one node, with the largest heap in use sampled every 20 ms, the heap after a
 * full GC before and after, the CPU seconds of this JVM and where the measuring time went ({@link StageTimes}); then
 * one portrait (what the portrait tab reads) for 200 customers, warm, as a service call and as the REST page: median
 * and 95th percentile. The size comes from {@code keyaccount.demo.customers} and {@code
 * keyaccount.demo.energy-customers}.
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

    @Inject
    PortraitComputation computation;

    @Test
    void recompute_and_portrait_page() throws Exception {
        // the demo computes its portraits on a thread of its own at the first start: let it finish first
        long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (store.run() == null && System.nanoTime() < waitUntil) {
            Thread.sleep(1000);
        }
        System.out.printf("PORTRAIT BENCHMARK: the demo's own first computation: %s%n", computation.stageTimes());
        long meterDays = ((Number) em.createNativeQuery("select count(*) from meter_day").getSingleResult())
                .longValue();
        AtomicLong maxHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        System.gc();
        long heapBefore = heapAfterGc();
        computation.stageTimes().reset();
        sampler.scheduleAtFixedRate(() -> maxHeap.accumulateAndGet(heapUsed(), Math::max), 0, 20,
                TimeUnit.MILLISECONDS);
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu0 = processCpuNanos();
        java.util.Map<Integer, Long> pg0 = databaseCpuTicks();
        long t0 = System.nanoTime();
        // the monthly job's path on this one node: a batch of chunks, measured on one thread per processor, then
        // clustered and stored in one transaction
        batch.create(config.chunkSize());
        batch.work("bench", PortraitComputation.threads());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long cpuMillis = (processCpuNanos() - cpu0) / 1_000_000;
        java.util.Map<Integer, Long> pg1 = databaseCpuTicks();
        long pgTicks = pg1.entrySet().stream().filter(e -> e.getKey() > 0)
                .mapToLong(e -> e.getValue() - pg0.getOrDefault(e.getKey(), 0L)).sum();
        long pgOther = pg1.entrySet().stream().filter(e -> e.getKey() < 0)
                .mapToLong(e -> e.getValue() - pg0.getOrDefault(e.getKey(), 0L)).sum();
        sampler.shutdownNow();
        long heapAfter = heapAfterGc();
        PortraitBatch.Progress done = batch.progress();
        PortraitStore.StoredRun run = store.run();
        // the last chunk's finish by the database's clock; the batch's finished_at is the start of the closing
        // transaction (now()), so the clustering and storing is the rest of the wall time
        double measuring = ((Number) em.createNativeQuery("select extract(epoch from max(c.finished_at) - "
                + "b.started_at) * 1000 from portrait_batch b join portrait_chunk c on c.batch_id = b.id "
                + "where b.id = :id group by b.id").setParameter("id", done.batchId()).getSingleResult())
                .doubleValue() / 1000;
        double closing = millis / 1000.0 - measuring;
        int n = run.customers();
        System.out.printf("PORTRAIT BENCHMARK: %d meter-days; %d customers with readings (%d chunks of %d, finished "
                        + "%s), %d segmented, k = %d (silhouettes %s)%n", meterDays, n, done.chunks(),
                config.chunkSize(), done.finished(), run.segmented(), run.k(), run.silhouettes());
        System.out.printf("PORTRAIT BENCHMARK: recompute wall %.1f s (measuring %.1f s, clustering and storing "
                        + "%.1f s) on %d threads; CPU of this JVM %.1f s = %.2f ms per customer; heap after GC "
                        + "before/after %d/%d MB, max in use %d MB (-Xmx %d MB); load average %.1f -> %s%n",
                millis / 1000.0, measuring, closing, PortraitComputation.threads(), cpuMillis / 1000.0,
                (double) cpuMillis / Math.max(1, n), heapBefore >> 20, heapAfter >> 20, maxHeap.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, load0, loadAverage());
        System.out.printf("PORTRAIT BENCHMARK: measuring stages: %s%n", computation.stageTimes());
        System.out.printf("PORTRAIT BENCHMARK: CPU of the database (from /proc, processes alive at the start and the "
                + "end): client backends %.1f s = %.2f ms per customer; autovacuum and other server processes %.1f s%n",
                pgTicks / 100.0, pgTicks * 10.0 / Math.max(1, n), pgOther / 100.0);
        System.out.printf("PORTRAIT BENCHMARK: linear extrapolation to 20,000 customers: measuring %.0f s + "
                        + "clustering and storing %.0f s = %.0f s (at this load)%n", measuring * 20_000 / n,
                closing * 20_000 / n, (measuring + closing) * 20_000 / n);

        Viewer admin = users.viewer("admin");
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select customer_id from portrait_customer order by customer_id "
                + "limit 200").getResultList();
        for (Number id : ids) {
            portraits.portrait(admin, id.longValue()); // warm-up
        }
        long[] nanos = new long[ids.size() * 3];
        for (int i = 0; i < nanos.length; i++) {
            long s = System.nanoTime();
            portraits.portrait(admin, ids.get(i % ids.size()).longValue());
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf("PORTRAIT BENCHMARK: one portrait (service, %d calls over %d customers): median %.1f ms, "
                        + "p95 %.1f ms; load average %s%n", nanos.length, ids.size(), nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6, loadAverage());
        long[] rest = new long[Math.min(100, ids.size()) * 2];
        for (int i = 0; i < rest.length + 20; i++) { // 20 warm-up calls
            long id = ids.get(i % Math.min(100, ids.size())).longValue();
            long s = System.nanoTime();
            Api.as(Login.ADMIN).get("/api/customers/{id}/portrait", id).then().statusCode(200);
            if (i >= 20) {
                rest[i - 20] = System.nanoTime() - s;
            }
        }
        Arrays.sort(rest);
        System.out.printf("PORTRAIT BENCHMARK: one portrait page (GET /api/customers/{id}/portrait on loopback, %d "
                        + "calls): median %.1f ms, p95 %.1f ms; load average %s%n", rest.length,
                rest[rest.length / 2] / 1e6, rest[(int) (rest.length * 0.95)] / 1e6, loadAverage());
    }

    /**
     * user + system CPU ticks (1/100 s) of the database's server processes by pid: the connections' backends (from
     * pg_stat_activity) and the postmaster's other children; empty where /proc cannot be read.
     */
    @SuppressWarnings("unchecked")
    private java.util.Map<Integer, Long> databaseCpuTicks() {
        java.util.Map<Integer, Long> ticks = new java.util.HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select pid, backend_type = 'client backend' "
                + "from pg_stat_activity").getResultList();
        for (Object[] row : rows) {
            int pid = ((Number) row[0]).intValue();
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // client backends by pid, the other server processes by minus their pid
                ticks.put(Boolean.TRUE.equals(row[1]) ? pid : -pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (java.io.IOException | RuntimeException e) {
                // gone or not ours to read
            }
        }
        return ticks;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
