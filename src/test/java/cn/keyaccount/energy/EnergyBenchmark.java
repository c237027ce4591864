package cn.keyaccount.energy;

import cn.keyaccount.security.Viewer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the suite; run it with {@code bench/energy}): prints the figures
 * of BENCHMARKS.md's energy section. In one run on the test database (demo company of 300 customers):
 * <ol>
 *   <li>a 10-million-row CSV (275 meters × 379 days × 96, ordered by meter and time as the metering system exports)
 *       imported through ReadingImporter (CSV parsing, validation, COPY, replace) in rows/s, with the largest heap
 *       in use sampled every 20 ms;</li>
 *   <li>plain JPA batch inserts (Hibernate, batch size 500, flush and clear every 500) of the same meter-day rows
 *       for a sample of meters, in rows (readings)/s, and the ratio;</li>
 *   <li>one customer-year (35,040 intervals) analysed warm: the pure analysis, the service call with its read, and the
 *       read alone;</li>
 *   <li>2,000 customer-year analyses (service calls, database reads included) on a pool of as many threads as
 *       cores.</li>
 * </ol>
 */
@QuarkusTest
class EnergyBenchmark {

    static final int METERS = Integer.getInteger("bench.meters", 275);
    static final int DAYS = Integer.getInteger("bench.days", 379);
    static final int JPA_METERS = Integer.getInteger("bench.jpa-meters", 10);
    static final int JPA_DAYS = Integer.getInteger("bench.jpa-days", 100);
    static final int CUSTOMER_YEARS = Integer.getInteger("bench.customer-years", 2000);
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    ReadingImporter importer;
    @Inject
    EnergyService energy;
    @Inject
    IntervalStore store;
    @Inject
    TariffService tariffs;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManager em;
    @Inject
    UserTransaction tx;

    @Test
    void print_figures() throws Exception {
        System.out.printf("%nENERGY BENCHMARK %s, %d cores, load average %s, max heap %d MB%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<Long> customers = customersWithoutMeters();
        long big = customers.getFirst();
        Path csv = writeCsv();
        System.out.printf("CSV: %,d rows, %,d MB%n", (long) METERS * DAYS * 96, Files.size(csv) >> 20);

        HeapSampler heap = new HeapSampler();
        long t0 = System.nanoTime();
        ImportReport report;
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
            report = importer.importFile(big, "bench.csv", ReadingImporter.sourceFor("bench.csv", in));
        }
        double copySeconds = (System.nanoTime() - t0) / 1e9;
        long heapPeak = heap.stop();
        double copyRate = report.rows() / copySeconds;
        System.out.printf("COPY import: accepted=%s, %,d rows, %,d meter-days in %.1f s = %,.0f rows/s; "
                        + "heap in use at most %d MB (baseline before %d MB)%n", report.accepted(), report.rows(),
                report.meterDays(), copySeconds, copyRate, heapPeak >> 20, heap.baseline >> 20);
        Files.delete(csv);

        double jpaRate = jpaInserts(big);
        System.out.printf("JPA batch inserts: %,.0f readings/s (%d meter-days); COPY import / JPA = %.1f×%n",
                jpaRate, JPA_METERS * JPA_DAYS, copyRate / jpaRate);

        List<Long> analysed = spreadMeters(big, customers);
        LocalDate to = START.plusDays(364);
        long one = analysed.getFirst();
        IntervalSeries series = store.customerSeries(one, START, to);
        EnergyAnalyzer analyzer = new EnergyAnalyzer(AnalysisSettings.DEFAULTS);
        EnergyAnalyzer.Input input = new EnergyAnalyzer.Input(series, java.math.BigDecimal.valueOf(2000),
                cn.keyaccount.customer.BasicChargeMode.CAPACITY, null, PowerFactorStandard.PF_090,
                List.of(new EnergyAnalyzer.TransformerSpec("T1", 2000, 1.36, 18.3)), tariffs.resolver("北京", "1-10kV"));
        System.out.printf("one customer-year (%d intervals), pure analysis: %s%n", series.size(),
                timings(() -> analyzer.analyse(input)));
        System.out.printf("one customer-year, EnergyService.analyse (read + analysis): %s%n",
                timings(() -> energy.analyse(Viewer.system(), one, START, to)));
        System.out.printf("one customer-year, the read alone (IntervalStore.customerSeries): %s%n",
                timings(() -> store.customerSeries(one, START, to)));
        System.out.printf("one customer-year, the read by transformer as the analysis does it (meterSums): %s%n",
                timings(() -> store.meterSums(one, START, to)));

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong kwh = new AtomicLong();
        long t1 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < CUSTOMER_YEARS; i++) {
            long customer = analysed.get(i % analysed.size());
            jobs.add(pool.submit(() -> {
                // a pool thread has no request context of its own, as a REST worker would
                io.quarkus.arc.ManagedContext request = io.quarkus.arc.Arc.container().requestContext();
                request.activate();
                try {
                    kwh.addAndGet((long) energy.analyse(Viewer.system(), customer, START, to).load().energyKwh());
                } finally {
                    request.terminate();
                }
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%,d customer-years (%d distinct customers, %d threads): %.1f s (%,d kWh in all)%n",
                CUSTOMER_YEARS, analysed.size(), threads, (System.nanoTime() - t1) / 1e9, kwh.get());
        System.out.printf("load average after: %s%n%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private List<Long> customersWithoutMeters() throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from customer where id not in (select customer_id from meter) "
                     + "order by id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** Readings with a daily shape and a weekly rhythm, as a metering export writes them. */
    private static Path writeCsv() throws Exception {
        Path file = Files.createTempFile("energy-bench", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("表号,时间,有功电量kWh,无功电量kvarh\n");
            StringBuilder line = new StringBuilder(64);
            for (int m = 0; m < METERS; m++) {
                String meter = "BENCH-" + m;
                LocalDateTime t = START.atStartOfDay();
                for (int i = 1; i <= DAYS * 96; i++) {
                    int k = (i - 1) % 96;
                    double kwh = 50 + m % 7 * 10 + (k >= 32 && k < 88 ? 60 : 0) + (i * 7919 % 97) / 10.0;
                    line.setLength(0);
                    line.append(meter).append(',').append(t.plusMinutes(15L * i).format(TIME)).append(',')
                            .append(Math.round(kwh * 100) / 100.0).append(',')
                            .append(Math.round(kwh * 45) / 100.0).append('\n');
                    w.append(line);
                }
            }
        }
        return file;
    }

    /** Writes JPA_METERS × JPA_DAYS meter-days as entities; readings per second. */
    private double jpaInserts(long customer) throws Exception {
        List<Long> meters = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into meter (customer_id, meter_no, name) values (?, ?, 'JPA') returning id")) {
            for (int m = 0; m < JPA_METERS; m++) {
                ps.setLong(1, customer);
                ps.setString(2, "JPA-" + System.nanoTime() + "-" + m);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    meters.add(rs.getLong(1));
                }
            }
        }
        float[] values = new float[96];
        Arrays.fill(values, 12.5f);
        long t0 = System.nanoTime();
        tx.begin();
        Session session = em.unwrap(Session.class);
        session.setJdbcBatchSize(500);
        int n = 0;
        for (long meter : meters) {
            for (int d = 0; d < JPA_DAYS; d++) {
                BenchMeterDay row = new BenchMeterDay();
                row.meterId = meter;
                row.day = START.plusDays(d);
                row.kwh = values.clone();
                row.kvarh = values.clone();
                em.persist(row);
                if (++n % 500 == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        tx.commit();
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from meter where name = 'JPA'");
        }
        return n * 96 / seconds;
    }

    /** Gives each bench meter a customer of its own (as far as there are customers without meters). */
    private List<Long> spreadMeters(long big, List<Long> customers) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ids = c.prepareStatement("select id from meter where customer_id = ? order by id");
             PreparedStatement move = c.prepareStatement("update meter set customer_id = ? where id = ?")) {
            ids.setLong(1, big);
            List<Long> meters = new ArrayList<>();
            try (ResultSet rs = ids.executeQuery()) {
                while (rs.next()) {
                    meters.add(rs.getLong(1));
                }
            }
            out.add(big);
            for (int i = 1; i < meters.size() && i < customers.size(); i++) {
                move.setLong(1, customers.get(i));
                move.setLong(2, meters.get(i));
                move.executeUpdate();
                out.add(customers.get(i));
            }
            // the first customer keeps one meter only: move the rest nowhere else, drop them from its sum
            try (PreparedStatement drop = c.prepareStatement(
                    "delete from meter where customer_id = ? and id <> ?")) {
                drop.setLong(1, big);
                drop.setLong(2, meters.getFirst());
                drop.executeUpdate();
            }
        }
        return out;
    }

    private static String timings(Runnable r) {
        for (int i = 0; i < 30; i++) {
            r.run();
        }
        double[] ms = new double[50];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("median %.1f ms, p95 %.1f ms, min %.1f ms (50 warm runs)", ms[25], ms[47], ms[0]);
    }

    /** The largest heap in use, sampled every 20 ms on a thread of its own. */
    private static final class HeapSampler {
        final long baseline;
        private volatile boolean running = true;
        private final AtomicLong max = new AtomicLong();
        private final Thread thread;

        HeapSampler() {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            baseline = rt.totalMemory() - rt.freeMemory();
            thread = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return max.get();
        }
    }
}
