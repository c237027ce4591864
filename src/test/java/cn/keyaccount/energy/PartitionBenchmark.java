package cn.keyaccount.energy;

import cn.keyaccount.security.Viewer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark (not a test; run by bench/meter-days): meter_day at a province's size (issue 17). Loads
 * {@code bench.days.meters} meters × {@code bench.days.days} days (default 2,880 × 730 = 2,102,400 meter-days,
 * 201,830,400 readings over 24 monthly partitions) with binary COPY straight into the month partitions (two
 * connections, months split between them), prints the load rate, then, warm:
 * <ul>
 *   <li>one customer-year analysed ({@code EnergyService.analyse}: read + analysis; target &lt; 20 ms);</li>
 *   <li>the monthly report's read of a customer-year ({@code IntervalStore.coveredDays} and
 *       {@code EnergyService.analyseWithSeries}, as {@code ReportService.build} does);</li>
 *   <li>{@code EXPLAIN (ANALYZE, BUFFERS)} of the year's read and of the coverage query: the partitions touched.</li>
 * </ul>
 * The meters are spread over the demo company's customers (about ten each). Run with the 1 GB heap of production.
 */
@QuarkusTest
class PartitionBenchmark {

    static final int METERS = Integer.getInteger("bench.days.meters", 2_880);
    static final int DAYS = Integer.getInteger("bench.days.days", 730);
    static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final int PG_EPOCH_DAY = 10_957;

    @Inject
    EnergyService energy;
    @Inject
    IntervalStore store;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void print_figures() throws Exception {
        System.out.printf("%nPARTITION BENCHMARK %s, %d cores, max heap %d MB, load average %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
        LocalDate last = START.plusDays(DAYS - 1L);
        long[] meterIds = makeMeters();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps =
                c.prepareStatement("select meter_day_ensure_months(?, ?)")) {
            ps.setObject(1, START);
            ps.setObject(2, last);
            ps.execute();
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            months.add(m);
        }
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> loads = new ArrayList<>();
        for (int part = 0; part < 2; part++) {
            int p = part;
            loads.add(pool.submit(() -> {
                long rows = 0;
                for (int i = p; i < months.size(); i += 2) {
                    rows += loadMonth(months.get(i), last, meterIds);
                }
                return rows;
            }));
        }
        long meterDays = 0;
        for (Future<Long> f : loads) {
            meterDays += f.get();
        }
        pool.shutdown();
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf("loaded %,d meter-days = %,d readings into %d month partitions in %.1f s = %,.0f readings/s "
                + "(COPY binary straight into the partitions, 2 connections); load %s%n", meterDays, meterDays * 96,
                months.size(), s, meterDays * 96 / s, load());
        t = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("vacuum (analyze) meter_day");
            try (ResultSet rs = st.executeQuery("select pg_size_pretty(pg_total_relation_size('meter_day')), "
                    + "(select pg_size_pretty(sum(pg_total_relation_size(i.inhrelid))) from pg_inherits i "
                    + "where i.inhparent = 'meter_day'::regclass), (select count(*) from pg_inherits i "
                    + "where i.inhparent = 'meter_day'::regclass)")) {
                rs.next();
                System.out.printf("vacuum analyze %.1f s; meter_day on disk: %s in %d partitions%n",
                        (System.nanoTime() - t) / 1e9, rs.getString(2), rs.getLong(3));
            }
        }

        LocalDate yearFrom = last.minusDays(364);
        // a customer-year as issue 7 defines it (one meter: 35,040 intervals), then a customer of about ten meters
        long single = customerOf(meterIds[METERS - 1]);
        long customer = customerOf(meterIds[0]);
        for (long measured : new long[] {single, customer}) {
            measure(measured, yearFrom, last);
        }
        explain("the customer-year read (IntervalStore.READ)", IntervalStore.READ.replaceFirst("\\?", "'"
                + yearFrom + "'").replaceFirst("\\?", "'" + yearFrom + "'").replaceFirst("\\?", "'" + last + "'")
                .replaceFirst("\\?", String.valueOf(customer)));
        explain("a month's read", IntervalStore.READ.replaceFirst("\\?", "'" + last.withDayOfMonth(1) + "'")
                .replaceFirst("\\?", "'" + last.withDayOfMonth(1) + "'").replaceFirst("\\?", "'" + last + "'")
                .replaceFirst("\\?", String.valueOf(customer)));
        explain("the coverage (no day range: every month's index)", "select min(d.day), max(d.day) from meter_day d "
                + "join meter m on m.id = d.meter_id where m.customer_id = " + customer);
        System.out.printf("load average after: %s%n%n", load());
    }

    /** The analysis, the read alone and the monthly report's read of one customer's year, warm. */
    private void measure(long customer, LocalDate yearFrom, LocalDate last) {
        int meters = store.meters(customer).size();
        System.out.printf("customer %d: %d meters; year %s..%s%n", customer, meters, yearFrom, last);
        System.out.printf("  customer-year analysed (EnergyService.analyse, read + analysis): %s%n",
                timings(() -> energy.analyse(Viewer.system(), customer, yearFrom, last)));
        System.out.printf("  customer-year, the read alone (IntervalStore.meterSums): %s%n",
                timings(() -> store.meterSums(customer, yearFrom, last)));
        System.out.printf("  the monthly report's read of the customer-year (coveredDays + analyseWithSeries): %s%n",
                timings(() -> {
                    LocalDate[] covered = store.coveredDays(customer);
                    energy.analyseWithSeries(Viewer.system(), customer, covered[0].isAfter(yearFrom) ? covered[0]
                            : yearFrom, last);
                }));
    }

    /**
     * Meters spread over the demo customers, about ten each, named PART-n; the last meter goes alone to the last
     * customer (a customer-year of one meter, as issue 7 measures it).
     */
    private long[] makeMeters() throws Exception {
        long[] ids = new long[METERS];
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into meter (customer_id, meter_no, name) select c.id, 'PART-' || g, 'PART-' || g "
                    + "from generate_series(0, " + (METERS - 1) + ") g join (select id, row_number() over (order by id) "
                    + "- 1 as n, count(*) over () as k from customer) c on c.n = case when g = " + (METERS - 1)
                    + " then c.k - 1 else g % (c.k - 1) end");
            try (ResultSet rs = s.executeQuery("select id from meter where meter_no like 'PART-%' "
                    + "order by substring(meter_no from 6)::int")) {
                int i = 0;
                while (rs.next()) {
                    ids[i++] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /** One month's meter-days of every meter, COPY binary into its partition; the rows written. */
    private long loadMonth(YearMonth month, LocalDate last, long[] meterIds) throws Exception {
        LocalDate from = month.atDay(1).isBefore(START) ? START : month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + String.format(
                    "meter_day_%04d_%02d", month.getYear(), month.getMonthValue()) + " (meter_id, day, kwh, kvarh) "
                    + "from stdin with (format binary)");
            ByteBuffer out = ByteBuffer.allocate(1 << 20);
            out.put(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0,
                0});
            float[] kwh = new float[96];
            float[] kvarh = new float[96];
            for (int m = 0; m < meterIds.length; m++) {
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    long dayNo = d.toEpochDay();
                    for (int k = 0; k < 96; k++) {
                        kwh[k] = 50 + m % 7 * 10 + (k >= 32 && k < 88 ? 60 : 0) + ((dayNo * 96 + k) * 7919 % 97) / 10f;
                        kvarh[k] = kwh[k] * 0.45f;
                    }
                    if (out.remaining() < 2 * (20 + 96 * 8) + 64) {
                        copy.writeToCopy(out.array(), 0, out.position());
                        out.clear();
                    }
                    out.putShort((short) 4);
                    out.putInt(8).putLong(meterIds[m]);
                    out.putInt(4).putInt((int) (dayNo - PG_EPOCH_DAY));
                    array(out, kwh);
                    array(out, kvarh);
                    rows++;
                }
            }
            out.putShort((short) -1);
            copy.writeToCopy(out.array(), 0, out.position());
            copy.endCopy();
            c.commit();
        }
        return rows;
    }

    private static void array(ByteBuffer out, float[] values) {
        out.putInt(20 + 96 * 8);
        out.putInt(1).putInt(0).putInt(700).putInt(96).putInt(1);
        for (float v : values) {
            out.putInt(4).putFloat(v);
        }
    }

    private long customerOf(long meterId) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select customer_id from meter where id = " + meterId)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void explain(String what, String sql) throws Exception {
        System.out.printf("EXPLAIN (ANALYZE, BUFFERS) of %s:%n", what);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("explain (analyze, buffers, costs off) " + sql)) {
            while (rs.next()) {
                System.out.println("    " + rs.getString(1));
            }
        }
    }

    private static String timings(Runnable r) {
        // as issue 7's benchmark: 30 warm-up runs, then 50 measured
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
        return String.format("median %.1f ms, p95 %.1f ms, min %.1f ms (50 runs after 30 warm-ups)", ms[25], ms[47],
                ms[0]);
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
