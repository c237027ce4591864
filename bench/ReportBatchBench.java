import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark (not a test) of the monthly energy-audit report batch at full size, in the packaged application with the
 * heap capped at 1 GB, the production set-up:
 *
 * <ol>
 * <li>prepare: the application starts on a fresh embedded PostgreSQL and generates its demo company (CUSTOMERS key
 * customers); this program then gives every customer without interval data a meter and the 12 months up to the end of
 * last month of 15-minute data (35,040 readings, kWh and kvarh), written straight into meter_day with a binary COPY as
 * the demo generator does (an import over REST would take an hour), and removes the few reports the demo issued at
 * start so that the batch makes every one; the application stops;</li>
 * <li>batch: the application starts again on that database (no demo generation) with the monthly job's cron set to
 * fire every 10 seconds (the job is clustered Quartz, as in production); the batch of last month runs for all
 * customers. Printed: the batch's wall time (its row's started/finished, database clock), reports made, time per
 * report, the per-step times the application logs for every report (medians), the heap (GC log: largest use before
 * and after a collection; jcmd after a full GC at the end), the load average along the way, and that no customer got
 * two reports.</li>
 * </ol>
 *
 * Usage (see bench/report-bench): java -cp "target/quarkus-app/lib/main/*" bench/ReportBatchBench.java JAVA DATA_DIR
 * HTTP_PORT CUSTOMERS [WORKERS]
 */
public class ReportBatchBench {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PER_DAY = 96;
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern STEP_LINE = Pattern.compile(
            "Report \\S+ \\S+: analysis (\\d+) ms, XLSX (\\d+) ms \\((\\d+) bytes\\), DOCX (\\d+) ms \\((\\d+) bytes\\)"
                    + "(?:, archive and notice (\\d+) ms)?");

    private static final String JAR = "report-batch-bench.jar";

    private final String java;
    private final Path dataDir;
    private final int httpPort;
    private final String workers;
    private Process app;
    private Path log;

    ReportBatchBench(String java, Path dataDir, int httpPort, String workers) {
        this.java = java;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.workers = workers;
    }

    public static void main(String[] args) throws Exception {
        ReportBatchBench b = new ReportBatchBench(args[0], Path.of(args[1]), Integer.parseInt(args[2]),
                args.length > 4 ? args[4] : "");
        int customers = Integer.parseInt(args[3]);
        try {
            if (!Files.exists(b.dataDir)) {
                b.prepare(customers);
            } else {
                b.reuse();
            }
            b.batch();
        } catch (Exception e) {
            e.printStackTrace(System.out);
        } finally {
            b.stopApp();
            System.exit(0);
        }
    }

    // ---- prepare ----

    void prepare(int customers) throws Exception {
        long t0 = System.nanoTime();
        startApp("prepare", Map.of("KEYACCOUNT_DEMO", "true", "KEYACCOUNT_DEMO_CUSTOMERS",
                Integer.toString(customers)), List.of());
        System.out.printf("prepare: demo company of %d customers generated, application up in %.1f s%n", customers,
                (System.nanoTime() - t0) / 1e9);
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        LocalDate from = month.minusMonths(11).atDay(1);
        LocalDate to = month.atEndOfMonth();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long t1 = System.nanoTime();
            List<long[]> meters = newMeters(c);
            long rows = copyYear(c, meters, from, to);
            c.commit();
            double s = (System.nanoTime() - t1) / 1e9;
            System.out.printf("prepare: %d customers given a meter and %s..%s of 15-minute data: %,d meter-days "
                            + "(%,d readings of kWh and kvarh) by binary COPY in %.1f s = %,.0f readings/s%n",
                    meters.size(), from, to, rows, rows * PER_DAY, s, rows * PER_DAY / s);
            System.out.printf("prepare: %d reports the demo issued at start removed%n", removeReports(c));
            fireMonthlySoon(c);
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum analyze meter_day");
                st.execute("checkpoint");
            }
        }
        stopApp();
    }

    /** A kept database (BENCH_KEEP=1): last run's reports and batch row go, so that the batch makes them again. */
    void reuse() throws Exception {
        startApp("clean", Map.of("KEYACCOUNT_DEMO", "false"), List.of());
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            System.out.printf("reusing the database in %s: %d reports of the last run removed%n", dataDir,
                    removeReports(c));
            fireMonthlySoon(c);
        }
        stopApp();
    }

    private static int removeReports(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            int removed = st.executeUpdate("delete from energy_report");
            st.executeUpdate("delete from report_batch");
            st.executeUpdate("delete from notice where purpose = 'REPORT'");
            c.commit();
            return removed;
        }
    }

    /**
     * The monthly job's trigger is due a minute from now. A changed cron in the next start only applies from the
     * stored trigger's next firing (Quarkus reschedules with startAt = that time), which is the 1st of next month;
     * a minute leaves this application the time to stop before its scheduler would pick the trigger up.
     */
    private static void fireMonthlySoon(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update qrtz_triggers set next_fire_time = ? "
                + "where trigger_name like 'energy-report-monthly%'")) {
            ps.setLong(1, System.currentTimeMillis() + 60_000);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("the monthly job's trigger was not found");
            }
            c.commit();
        }
    }

    /** A meter (on the first transformer, if any) for every customer without one: {meter id, kVA, customer id}. */
    private static List<long[]> newMeters(Connection c) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("with made as (insert into meter "
                + "(customer_id, transformer_id, meter_no, name) select c.id, (select min(t.id) from transformer t "
                + "where t.customer_id = c.id), 'BENCH-' || c.account_no, '1号计量点' from customer c where not exists "
                + "(select 1 from meter m where m.customer_id = c.id) returning id, customer_id) "
                + "select made.id, c.operating_capacity_kva, c.id from made join customer c on c.id = made.customer_id "
                + "order by made.id")) {
            while (rs.next()) {
                out.add(new long[] {rs.getLong(1), Math.max(100, Math.round(rs.getDouble(2))), rs.getLong(3)});
            }
        }
        return out;
    }

    /** A plausible year per meter (one of three shapes, the customer's size, noise, a few gaps), binary COPY. */
    private static long copyYear(Connection c, List<long[]> meters, LocalDate from, LocalDate to)
            throws SQLException, IOException {
        try (var ps = c.prepareStatement("select meter_day_ensure_months(?, ?)")) { // month partitions (V24)
            ps.setObject(1, from);
            ps.setObject(2, to);
            ps.execute();
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy meter_day (meter_id, day, kwh, kvarh) from stdin with (format binary)");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 21);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeBytes("PGCOPY\n");
        out.write(new byte[] {(byte) 0xFF, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(0);
        long rows = 0;
        float[] kwh = new float[PER_DAY];
        float[] kvarh = new float[PER_DAY];
        LocalDate epoch = LocalDate.of(2000, 1, 1);
        for (long[] m : meters) {
            Random random = new Random(m[0] * 7919L);
            int shape = (int) (m[2] % 3);
            double meanKw = m[1] * (0.2 + random.nextDouble() * 0.25);
            double tan = Math.tan(Math.acos(0.84 + random.nextDouble() * 0.13));
            boolean gaps = m[2] % 10 == 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                int month = d.getMonthValue();
                double season = month >= 6 && month <= 9 ? 1.1 : month == 12 || month <= 2 ? 1.05 : 1.0;
                double dayLevel = season * (1 + random.nextGaussian() * 0.04);
                for (int k = 0; k < PER_DAY; k++) {
                    double h = k / 4.0;
                    double level = switch (shape) {
                        case 0 -> (h >= 8 && h < 18 ? 1.6 : 0.35) * (weekend ? 0.4 : 1.0);
                        case 1 -> (h >= 7 && h < 23 ? 1.25 : 0.45) * (weekend ? 0.6 : 1.0);
                        default -> 0.95 + 0.05 * Math.sin(h / 24 * 2 * Math.PI);
                    };
                    double kw = Math.max(meanKw * 0.03, meanKw * level * dayLevel * (1 + random.nextGaussian() * 0.03));
                    kwh[k] = (float) (Math.round(kw / 4 * 100) / 100.0);
                    kvarh[k] = (float) (Math.round(kw * tan / 4 * 100) / 100.0);
                }
                if (gaps && d.getDayOfYear() % 40 == 7) {
                    Arrays.fill(kwh, 40, 52, Float.NaN);
                    Arrays.fill(kvarh, 40, 52, Float.NaN);
                }
                out.writeShort(4);
                out.writeInt(8);
                out.writeLong(m[0]);
                out.writeInt(4);
                out.writeInt((int) ChronoUnit.DAYS.between(epoch, d));
                array(out, kwh);
                array(out, kvarh);
                rows++;
                if (buffer.size() > (1 << 21) - 4096) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
        }
        out.writeShort(-1);
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        copy.endCopy();
        return rows;
    }

    /** A one-dimensional float4[] in PostgreSQL's binary form; NaN is written as NULL (a missing reading). */
    private static void array(DataOutputStream out, float[] values) throws IOException {
        int nulls = 0;
        for (float v : values) {
            if (Float.isNaN(v)) {
                nulls++;
            }
        }
        out.writeInt(20 + (values.length - nulls) * 8 + nulls * 4);
        out.writeInt(1);
        out.writeInt(nulls > 0 ? 1 : 0);
        out.writeInt(700);
        out.writeInt(values.length);
        out.writeInt(1);
        for (float v : values) {
            if (Float.isNaN(v)) {
                out.writeInt(-1);
            } else {
                out.writeInt(4);
                out.writeFloat(v);
            }
        }
    }

    // ---- batch ----

    void batch() throws Exception {
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        String loadBefore = load();
        List<String> jvm = new ArrayList<>(List.of("-Xlog:gc:file=target/bench-report-batch-gc.log"));
        if ("1".equals(System.getenv("BENCH_JFR"))) {
            jvm.add("-XX:StartFlightRecording=filename=target/bench-report-batch.jfr,settings=profile");
        }
        Map<String, String> env = new HashMap<>(Map.of("KEYACCOUNT_DEMO", "false",
                "KEYACCOUNT_REPORT_MONTHLY_CRON", "0/10 * * * * ?"));
        if (!workers.isBlank()) {
            env.put("KEYACCOUNT_REPORT_WORKERS", workers);
        }
        startApp("batch", env, jvm);
        double[] cpuBefore = cpuSeconds();
        System.out.printf("batch: load average at the start %s; %d cores; -Xmx1g; workers %s%n", loadBefore,
                Runtime.getRuntime().availableProcessors(), workers.isBlank() ? "default" : workers);
        try (Connection c = connect()) {
            long customers = single(c, "select count(*) from customer");
            long withData = single(c, "select count(distinct m.customer_id) from meter m");
            System.out.printf("batch: %d customers, %d with interval data; report month %s%n", customers, withData,
                    month);
            Object[] row;
            long lastPrint = 0;
            List<String> loads = new ArrayList<>();
            while (true) {
                row = batchRow(c, month);
                if (row != null && row[1] != null) {
                    break;
                }
                if (!app.isAlive()) {
                    throw new IllegalStateException("the application stopped: " + log);
                }
                if (System.nanoTime() - lastPrint > Duration.ofMinutes(1).toNanos()) {
                    lastPrint = System.nanoTime();
                    String l = load();
                    loads.add(l.split(" ")[0]);
                    System.out.printf("  %s: made %s, skipped %s, failed %s; load %s%n",
                            LocalTime.now().withNano(0), row == null ? 0 : row[2],
                            row == null ? 0 : row[3], row == null ? 0 : row[4], l);
                }
                Thread.sleep(2000);
            }
            String loadAfter = load();
            double[] cpuAfter = cpuSeconds();
            double wall = ((Number) row[0]).doubleValue();
            int made = ((Number) row[2]).intValue();
            System.out.printf("batch %s finished: %d reports made, %s skipped, %s failed in %.1f s (%.1f min) = "
                            + "%.0f ms per report (wall / made)%n", month, made, row[3], row[4], wall, wall / 60,
                    made == 0 ? 0 : wall * 1000 / made);
            double appCpu = cpuAfter[0] - cpuBefore[0];
            double dbCpu = cpuAfter[1] - cpuBefore[1];
            System.out.printf("CPU used meanwhile: application %.0f s, PostgreSQL %.0f s = %.0f + %.0f ms per report "
                            + "(on 2 cores the batch needs at least %.1f min when it has the machine to itself)%n",
                    appCpu, dbCpu, appCpu * 1000 / Math.max(1, made), dbCpu * 1000 / Math.max(1, made),
                    (appCpu + dbCpu) / Runtime.getRuntime().availableProcessors() / 60);
            System.out.printf("load average: start %s; once a minute (1-min) %s; end %s%n", loadBefore,
                    String.join(" ", loads), loadAfter);
            Object[] once = (Object[]) query(c, "select count(*), count(distinct customer_id), "
                    + "coalesce(max(issue), 0), coalesce(sum(f.bytes), 0) from energy_report r left join (select "
                    + "report_id, sum(size_bytes) as bytes from energy_report_file group by report_id) f on "
                    + "f.report_id = r.id where period = ?", month.toString());
            System.out.printf("exactly once: %s reports for %s customers, highest issue %s; archive %,d MB%n",
                    once[0], once[1], once[2], ((Number) once[3]).longValue() >> 20);
            System.out.printf("report-ready notices: %d%n", single(c, "select count(*) from notice where purpose = "
                    + "'REPORT'"));
            Files.createDirectories(Path.of("target/bench-report"));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select f.format, f.content "
                    + "from energy_report_file f where f.report_id = (select max(id) from energy_report)")) {
                while (rs.next()) {
                    Path sample = Path.of("target/bench-report/batch-sample." + rs.getString(1).toLowerCase());
                    Files.write(sample, rs.getBytes(2));
                    System.out.printf("sample kept: %s (%,d bytes)%n", sample, Files.size(sample));
                }
            }
        }
        steps();
        heap();
    }

    /** seconds between start and finish, finished_at, made, skipped, failed; null while the batch has no row. */
    private static Object[] batchRow(Connection c, YearMonth month) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select extract(epoch from finished_at - started_at), "
                + "finished_at, made, skipped, failed from report_batch where kind = 'ENERGY_AUDIT' and period = ?")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Object[] {rs.getObject(1), rs.getObject(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)} : null;
            }
        }
    }

    /** Medians of the per-report times the application logged (DEBUG of cn.keyaccount.report). */
    private void steps() throws IOException {
        List<long[]> steps = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = STEP_LINE.matcher(line);
            if (m.find()) {
                steps.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                        Long.parseLong(m.group(4)), m.group(6) == null ? -1 : Long.parseLong(m.group(6)),
                        Long.parseLong(m.group(3)) + Long.parseLong(m.group(5))});
            }
        }
        if (steps.isEmpty()) {
            System.out.println("per-report steps: none logged");
            return;
        }
        String[] names = {"analysis (reads included)", "XLSX", "DOCX", "archive and notice", "bytes (XLSX + DOCX)"};
        StringBuilder out = new StringBuilder("per-report steps over " + steps.size() + " reports (median / p95):");
        for (int i = 0; i < names.length; i++) {
            int col = i;
            long[] v = steps.stream().mapToLong(s -> s[col]).sorted().toArray();
            out.append(String.format("%n  %-26s %,d / %,d", names[i], v[v.length / 2], v[(int) (v.length * 0.95)]));
        }
        System.out.println(out);
    }

    private void heap() throws Exception {
        long maxBefore = 0;
        long maxAfter = 0;
        long committed = 0;
        int collections = 0;
        for (String line : Files.readAllLines(Path.of("target/bench-report-batch-gc.log"))) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                collections++;
                maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
                maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        System.out.printf("heap (GC log, %d collections): largest in use before a collection %d MB, largest after "
                + "%d MB, largest committed %d MB, cap 1024 MB%n", collections, maxBefore, maxAfter, committed);
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        Matcher size = Pattern.compile("(?:committed|total) (\\d+)K").matcher(info);
        if (used.find() && size.find()) {
            System.out.printf("heap after a full GC at the end (jcmd GC.heap_info): %d MB used, %d MB committed%n",
                    Long.parseLong(used.group(1)) >> 10, Long.parseLong(size.group(1)) >> 10);
        } else {
            System.out.println("jcmd GC.heap_info: " + info);
        }
    }

    // ---- the application and its database ----

    void startApp(String name, Map<String, String> env, List<String> jvm) throws Exception {
        // a copy of quarkus-run.jar under a name of its own: a "pkill -f quarkus-run.jar" meant for another
        // application on a shared machine must not stop a run of half an hour
        Files.copy(Path.of("target/quarkus-app/quarkus-run.jar"), Path.of("target/quarkus-app/" + JAR),
                StandardCopyOption.REPLACE_EXISTING);
        log = Path.of("target/bench-report-" + name + ".log");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g"));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-Dquarkus.http.port=" + httpPort, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.log.category.\"cn.keyaccount.report\".level=DEBUG",
                "-jar", "target/quarkus-app/" + JAR));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KEYACCOUNT_DATA_DIR", dataDir.toString());
        pb.environment().putAll(env);
        app = pb.start();
        long end = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains("Listening on")) {
            if (!app.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException("the application did not start: " + log);
            }
            Thread.sleep(500);
        }
    }

    void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
        app = null;
    }

    /** The embedded PostgreSQL's port is the fourth line of its postmaster.pid. */
    private Connection connect() throws Exception {
        String port = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/keyaccount", "postgres",
                "postgres");
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Object query(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }

    /**
     * CPU seconds (user + system) used so far by the application's JVM and by its PostgreSQL (the postmaster and its
     * backends, which live as long as the pool's connections): a figure the other users of a shared machine do not
     * change, unlike the wall time.
     */
    private double[] cpuSeconds() throws IOException {
        long appTicks = 0;
        long dbTicks = 0;
        long postmaster = -1;
        List<long[]> all = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(d.getFileName().toString());
                    all.add(new long[] {pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                    String cmd = new String(Files.readAllBytes(d.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains("postgres") && cmd.contains(dataDir.toAbsolutePath().toString())) {
                        postmaster = pid;
                    }
                } catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        for (long[] p : all) {
            if (p[0] == app.pid()) {
                appTicks += p[2];
            } else if (p[0] == postmaster || p[1] == postmaster) {
                dbTicks += p[2];
            }
        }
        return new double[] {appTicks / 100.0, dbTicks / 100.0};
    }

    private static String load() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private String jcmd(String command) throws Exception {
        String jcmd = Path.of(java).resolveSibling("jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(app.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
