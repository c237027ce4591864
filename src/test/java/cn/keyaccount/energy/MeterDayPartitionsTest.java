package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.EmbeddedDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * meter_day partitioned by month (V24): existing readings migrated, reads pruned to the months they need, months made
 * at write time, and a month archived to a file by deploy/meter-days and attached back with every reading.
 */
@QuarkusTest
class MeterDayPartitionsTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReadingImporter importer;
    @Inject
    IntervalStore store;

    @Test
    void the_migration_moves_every_existing_reading_into_the_partition_of_its_month() throws Exception {
        String db = "mig_v24_" + ProcessHandle.current().pid();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db);
            s.execute("create database " + db + " " + EmbeddedDatabase.CREATE_OPTIONS);
        }
        String url = url(db);
        try {
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration")
                    .target("23").load().migrate();
            String before;
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                // a meter without its customer and organisation: the foreign keys of the rows around it are not
                // what this test is about
                s.execute("set session_replication_role = replica");
                s.execute("insert into meter (id, customer_id, meter_no, name) values (1, 1, 'M1', 'M1'), "
                        + "(2, 1, 'M2', 'M2')");
                s.execute("insert into meter_day (meter_id, day, kwh, kvarh) select m, d, "
                        + "array(select case when k % 17 = 0 then null else (random() * 1000)::real end "
                        + "from generate_series(1, 96) k), array(select (random() * 10)::real from generate_series(1, 96)) "
                        + "from generate_series(1, 2) m, generate_series(date '2023-12-30', date '2024-03-02', "
                        + "interval '1 day') d");
                before = digest(s);
                assertFalse(partitioned(s));
            }
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration")
                    .target("24").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                assertTrue(partitioned(s));
                assertEquals(before, digest(s), "every reading, bit for bit");
                TreeMap<String, Long> perPartition = new TreeMap<>();
                try (ResultSet rs = s.executeQuery("select tableoid::regclass::text, count(*) from meter_day group by 1")) {
                    while (rs.next()) {
                        perPartition.put(rs.getString(1), rs.getLong(2));
                    }
                }
                assertEquals("{meter_day_2023_12=4, meter_day_2024_01=62, meter_day_2024_02=58, meter_day_2024_03=4}",
                        perPartition.toString());
                try (ResultSet rs = s.executeQuery("select to_regclass('meter_day_unpartitioned') is null")) {
                    rs.next();
                    assertTrue(rs.getBoolean(1), "the old table is gone");
                }
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    @Test
    void a_read_of_three_months_touches_only_those_three_partitions_with_custom_and_generic_plans() throws Exception {
        long customer = customerWithReadings();
        LocalDate from;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select max(day) from meter_day d join meter m on m.id = d.meter_id "
                    + "where m.customer_id = " + customer)) {
                rs.next();
                from = rs.getDate(1).toLocalDate().withDayOfMonth(1).minusMonths(4);
            }
            assertTrue(partitionCount(s) > 6, "the demo's readings span more months than the read asks for");
        }
        LocalDate to = from.plusMonths(3).minusDays(1);
        List<String> expected = List.of(part(from), part(from.plusMonths(1)), part(from.plusMonths(2)));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("explain (costs off) " + IntervalStore.READ)) {
            ps.setObject(1, from);
            ps.setObject(2, from);
            ps.setObject(3, to);
            ps.setLong(4, customer);
            String plan = text(ps.executeQuery());
            assertEquals(expected, partitionsIn(plan), plan);
        }
        // a server-prepared statement may switch to a generic plan: the months are then pruned when it starts
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set plan_cache_mode = force_generic_plan");
            s.execute("prepare year_read(date, date, date, bigint) as "
                    + IntervalStore.READ.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2")
                    .replaceFirst("\\?", "\\$3").replaceFirst("\\?", "\\$4"));
            String plan = text(s.executeQuery("explain (analyze, costs off, timing off, summary off) execute year_read("
                    + "date '" + from + "', date '" + from + "', date '" + to + "', " + customer + ")"));
            assertEquals(expected, partitionsIn(plan), plan);
            assertTrue(plan.contains("Subplans Removed"), plan);
            s.execute("deallocate year_read");
            s.execute("reset plan_cache_mode");
        }
        IntervalSeries read = store.customerSeries(customer, from, to);
        assertTrue(read.size() > 80 * 96, "the pruned read still finds the months' readings");
    }

    @Test
    void an_import_into_months_without_a_partition_makes_them_at_write_time() throws Exception {
        long customer = customerWithReadings();
        StringBuilder csv = new StringBuilder("表号,时间,有功,无功\n");
        String meter = "PART" + ProcessHandle.current().pid();
        LocalDate day = LocalDate.of(1993, 7, 31);
        for (int k = 1; k <= 192; k++) {
            csv.append(meter).append(',').append(day.atStartOfDay().plusMinutes(15L * k).toString().replace('T', ' '))
                    .append(",1.5,0.5\n");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertFalse(exists(s, "meter_day_1993_07"));
            assertFalse(exists(s, "meter_day_1993_08"));
        }
        ImportReport report = importer.importFile(customer, "months.csv",
                new CsvReadings(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))));
        assertTrue(report.accepted(), report.toString());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertTrue(exists(s, "meter_day_1993_07"));
            assertTrue(exists(s, "meter_day_1993_08"));
            try (ResultSet rs = s.executeQuery("select d.tableoid::regclass::text, d.day from meter_day d join meter m "
                    + "on m.id = d.meter_id where m.meter_no = '" + meter + "' order by day")) {
                rs.next();
                assertEquals("meter_day_1993_07", rs.getString(1));
                rs.next();
                assertEquals("meter_day_1993_08", rs.getString(1));
            }
            s.execute("delete from meter where meter_no = '" + meter + "'");
        }
    }

    @Test
    void a_month_archived_to_a_file_and_attached_back_keeps_every_reading() throws Exception {
        long customer = customerWithReadings();
        long meterId;
        String meterNo = "ARCH" + ProcessHandle.current().pid();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("insert into meter (customer_id, meter_no, name) values (" + customer
                    + ", '" + meterNo + "', 'archive test') returning id")) {
                rs.next();
                meterId = rs.getLong(1);
            }
            s.execute("select meter_day_ensure_months(date '1992-01-01', date '1992-03-31')");
            // every kind of value a day holds: gaps (NULL), small and large readings, float4's last digits
            s.execute("insert into meter_day (meter_id, day, kwh, kvarh) select " + meterId + ", d, "
                    + "array(select case when k % 13 = 0 then null else (random() * 99999)::real end "
                    + "from generate_series(1, 96) k), array(select (random() * 1e-3)::real from generate_series(1, 96)) "
                    + "from generate_series(date '1992-01-01', date '1992-03-31', interval '1 day') d");
        }
        String all = "meter_id = " + meterId;
        String before = digest(all);
        Path file = Files.createTempDirectory("meter-days").resolve("1992-02.tsv.gz");

        String detached = script("detach", "1992-02", file.toString());
        assertTrue(detached.contains("29 meter-days"), detached);
        assertTrue(Files.size(file) > 0);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertFalse(exists(s, "meter_day_1992_02"), "the month's table is dropped once written to the file");
            assertEquals(31 + 31, count(s, all), "January and March stay");
        }

        String attached = script("attach", "1992-02", file.toString());
        assertTrue(attached.contains("29 meter-days added"), attached);
        assertEquals(before, digest(all), "every reading back, bit for bit");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertTrue(exists(s, "meter_day_1992_02"));
        }

        // archived again, then an import writes one day of that month: attaching adds the other 28 days and keeps
        // the imported one
        script("detach", "1992-02", file.toString());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select meter_day_ensure_months(date '1992-02-10', date '1992-02-10')");
            s.execute("insert into meter_day (meter_id, day, kwh, kvarh) values (" + meterId + ", date '1992-02-10', "
                    + "array_fill(7::real, array[96]), array_fill(0::real, array[96]))");
        }
        String merged = script("attach", "1992-02", file.toString());
        assertTrue(merged.contains("28 meter-days added"), merged);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertEquals(31 + 29 + 31, count(s, all));
            try (ResultSet rs = s.executeQuery("select kwh[1] from meter_day where " + all + " and day = '1992-02-10'")) {
                rs.next();
                assertEquals(7f, rs.getFloat(1), "the newer import wins over the archive");
            }
            s.execute("delete from meter where id = " + meterId);
        }
    }

    private String script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "deploy/meter-days", "--db", dbUrl()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script ends");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The application's database as a libpq URL for the script. */
    private String dbUrl() throws SQLException {
        Matcher m = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)").matcher(url(null));
        assertTrue(m.find());
        return "postgresql://postgres:postgres@" + m.group(1) + "/" + m.group(2);
    }

    /** The JDBC URL of the application's database, or of another database on its server. */
    private String url(String database) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            return database == null ? url : url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + database);
        }
    }

    private long customerWithReadings() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select m.customer_id from meter m join meter_day d on d.meter_id = m.id "
                     + "group by m.customer_id order by count(*) desc limit 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String digest(String where) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) || ':' || md5(string_agg(t::text, '|' order by meter_id, day)) "
                     + "from meter_day t where " + where)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String digest(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) || ':' || md5(string_agg(t::text, '|' order by meter_id, "
                + "day)) from meter_day t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean partitioned(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select relkind = 'p' from pg_class where oid = 'meter_day'::regclass")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long partitionCount(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from pg_inherits where inhparent = 'meter_day'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean exists(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select to_regclass('" + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Statement s, String where) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from meter_day where " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String part(LocalDate month) {
        return String.format("meter_day_%04d_%02d", month.getYear(), month.getMonthValue());
    }

    private static String text(ResultSet rs) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (rs) {
            while (rs.next()) {
                b.append(rs.getString(1)).append('\n');
            }
        }
        return b.toString();
    }

    /** The meter_day partitions a plan scans, in order of first mention, each once. */
    private static List<String> partitionsIn(String plan) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("meter_day_\\d{4}_\\d{2}").matcher(plan);
        while (m.find()) {
            if (!out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }
}
