package cn.keyaccount.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.EmbeddedDatabase;
import cn.keyaccount.customer.CustomerSearchBuckets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The demo generator on an external PostgreSQL, where the schema's owner is an ordinary role. */
@QuarkusTest
class DemoDataGeneratorTest {

    private static final String OWNER_PASSWORD = "Plain-Owner#2026";

    @Inject
    AgroalDataSource dataSource;

    /** jdbc:postgresql://host:port/ of the test server. */
    private String server() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Matcher m = Pattern.compile("(jdbc:postgresql://[^/]+/)").matcher(c.getMetaData().getURL());
            assertTrue(m.find());
            return m.group(1);
        }
    }

    /** A new database owned by {@code owner} (a new ordinary role unless it is postgres), with every migration. */
    private String migratedDatabase(String name, String owner) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!owner.equals("postgres")) {
                s.execute("create role " + owner + " login nosuperuser password '" + OWNER_PASSWORD + "'");
            }
            s.execute("create database " + name + " owner " + owner + " " + EmbeddedDatabase.CREATE_OPTIONS);
        }
        String url = server() + name;
        Flyway.configure().dataSource(url, owner, owner.equals("postgres") ? "postgres" : OWNER_PASSWORD)
                .locations("classpath:db/migration").load().migrate();
        return url;
    }

    private static List<String> searchCopy(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select s.id, s.unit_path, s.tier, "
                + "s.manager_id, s.search_text, s.search_tokens::text, s.search_text = c.search_text "
                + "from customer_search s join customer c using (id) order by s.id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7));
            }
        }
        return rows;
    }

    @Test
    void an_owner_who_is_not_a_superuser_gets_the_same_demo_company_as_the_bulk_load() throws SQLException {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String plainUrl = migratedDatabase("demo_plain_" + suffix, "demo_owner_" + suffix);
        String bulkUrl = migratedDatabase("demo_bulk_" + suffix, "postgres");

        List<String> plain;
        try (Connection c = DriverManager.getConnection(plainUrl, "demo_owner_" + suffix, OWNER_PASSWORD)) {
            assertFalse(DemoDataGenerator.isSuperuser(c));
            DemoDataGenerator.Result r = DemoDataGenerator.generate(c, 40, 7L);
            assertEquals(40, r.customers());
            plain = searchCopy(c);
            try (Statement s = c.createStatement(); var rs = s.executeQuery("select count(*) from demo_marker")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the marker is written with the company");
            }
            assertThrows(SQLException.class, () -> DemoDataGenerator.generate(c, 40, 7L),
                    "a second demo company is never written into the same database");
            c.rollback();
        }
        List<String> bulk;
        try (Connection c = DriverManager.getConnection(bulkUrl, "postgres", "postgres")) {
            assertTrue(DemoDataGenerator.isSuperuser(c));
            DemoDataGenerator.generate(c, 40, 7L);
            bulk = searchCopy(c);
        }
        assertEquals(40, plain.size());
        assertTrue(plain.stream().allMatch(row -> row.endsWith("|t")), "the search copy matches its customer");
        assertEquals(bulk, plain, "the trigger path writes what the bulk load writes");
    }

    @Test
    void copied_rows_keep_tabs_newlines_backslashes_quotes_nulls_and_arrays() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temp table copied (id bigint, t text, amount numeric, flag boolean, at timestamptz, "
                    + "quiet time, tokens varchar[]) on commit drop");
            java.sql.Timestamp at = java.sql.Timestamp.from(java.time.Instant.parse("2026-11-30T16:05:00.123Z"));
            try (CopyRows rows = new CopyRows(c, "copied (id, t, amount, flag, at, quiet, tokens)", 7)) {
                rows.setLong(1, 1);
                rows.setString(2, "a\tb\nc\\d\re 清河\\N");
                rows.setBigDecimal(3, new java.math.BigDecimal("1234.50"));
                rows.setBoolean(4, true);
                rows.setTimestamp(5, at);
                rows.setObject(6, java.time.LocalTime.of(22, 0));
                rows.setObject(7, List.of("a\"b", "c\\d", "{,}", "清河"));
                rows.addBatch();
                rows.setLong(1, 2);
                rows.setObject(2, null);
                rows.setObject(7, List.of());
                rows.addBatch();
                rows.executeBatch();
            }
            try (var rs = s.executeQuery("select t, amount, flag, at, quiet, tokens from copied order by id")) {
                assertTrue(rs.next());
                assertEquals("a\tb\nc\\d\re 清河\\N", rs.getString(1));
                assertEquals(new java.math.BigDecimal("1234.50"), rs.getBigDecimal(2));
                assertTrue(rs.getBoolean(3));
                assertEquals(at.toInstant(), rs.getTimestamp(4).toInstant());
                assertEquals(java.time.LocalTime.of(22, 0), rs.getObject(5, java.time.LocalTime.class));
                assertEquals(List.of("a\"b", "c\\d", "{,}", "清河"), List.of((Object[]) rs.getArray(6).getArray()));
                assertTrue(rs.next());
                assertEquals(null, rs.getString(1), "null stays null, not the text \\N");
                assertEquals(0, ((Object[]) rs.getArray(6).getArray()).length);
            }
            c.rollback();
        }
    }

    private static List<String> indexes(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select indexdef from pg_indexes "
                + "where schemaname = 'public' order by indexname")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static List<String> counts(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select (select count(*) from demo_marker), "
                + "(select count(*) from contact), (select count(*) from transformer), (select count(*) from "
                + "assignment), (select count(*) from customer_supply_line), (select count(*) from user_customer), "
                + "(select sum(hashtext(name || mobile || coalesce(quiet_from::text, ''))) from contact), "
                + "nextval(pg_get_serial_sequence('customer', 'id'))")) {
            rs.next();
            for (int i = 1; i <= 8; i++) {
                rows.add(rs.getString(i));
            }
        }
        return rows;
    }

    @Test
    void rows_sent_by_a_second_thread_and_indexes_built_side_by_side_after_the_commit_give_the_same_company()
            throws SQLException {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String oneUrl = migratedDatabase("demo_one_" + suffix, "postgres");
        String sideUrl = migratedDatabase("demo_side_" + suffix, "postgres");
        List<String> one;
        List<String> oneIndexes;
        List<String> oneCounts;
        try (Connection c = DriverManager.getConnection(oneUrl, "postgres", "postgres")) {
            // as before issue 17: each batch sent before the next is made, indexes in the one transaction
            DemoDataGenerator.generate(c, 300, 7L, null, false);
            one = searchCopy(c);
            oneIndexes = indexes(c);
            oneCounts = counts(c);
        }
        try (Connection c = DriverManager.getConnection(sideUrl, "postgres", "postgres")) {
            DemoDataGenerator.generate(c, 300, 7L, () -> DriverManager.getConnection(sideUrl, "postgres",
                    "postgres"), true);
            assertEquals(one, searchCopy(c));
            assertEquals(oneIndexes, indexes(c), "every index dropped for the load stands again");
            assertEquals(oneCounts, counts(c), "the marker, the rows and the sequences are the same");
            assertEquals("1", oneCounts.getFirst());
        }
    }

    @Test
    void a_row_the_copy_thread_cannot_store_fails_the_generation_and_nothing_is_kept() throws SQLException {
        String url = migratedDatabase("demo_fail_" + System.nanoTime() % 1_000_000, "postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            try (Statement s = c.createStatement()) {
                // a contact the generator writes for every customer, refused by the database
                s.execute("alter table contact add constraint no_mobiles check (mobile is null)");
            }
            SQLException e = assertThrows(SQLException.class, () -> DemoDataGenerator.generate(c, 50, 7L, null, true));
            assertTrue(String.valueOf(e.getMessage()).contains("no_mobiles"), e.getMessage());
            c.rollback();
            try (Statement s = c.createStatement(); var rs = s.executeQuery("select (select count(*) from customer) "
                    + "+ (select count(*) from demo_marker)")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void more_than_two_buckets_of_customers_are_generated_with_the_search_buckets_a_recomputation_would_give()
            throws SQLException {
        String url = migratedDatabase("demo_buckets_" + System.nanoTime() % 1_000_000, "postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            DemoDataGenerator.generate(c, 2_500, 7L, () -> DriverManager.getConnection(url, "postgres", "postgres"),
                    true);
            assertBucketsAsRecomputed(c, "the hints of the frequent tokens (V43), made in the second session");
        }
    }

    @Test
    void in_one_transaction_too_the_search_copy_is_written_once_with_its_buckets_and_hints() throws SQLException {
        String url = migratedDatabase("demo_buckets_one_" + System.nanoTime() % 1_000_000, "postgres");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            DemoDataGenerator.generate(c, 2_500, 7L, null, false);
            assertBucketsAsRecomputed(c, "the hints of the frequent tokens (V43), made in the same transaction");
        }
    }

    /**
     * 2,500 customers in three buckets of every order, following the order; bounds, buckets and hints as a
     * recomputation ({@link CustomerSearchBuckets#assign}) makes them; the search copy written once, frozen.
     */
    private static void assertBucketsAsRecomputed(Connection c, String hintsMessage) throws SQLException {
        List<CustomerSearchBuckets.Order> orders = CustomerSearchBuckets.ORDERS;
        assertEquals(7, orders.size(), "every sort order of the list");
        try (Statement s = c.createStatement()) {
            for (CustomerSearchBuckets.Order o : orders) {
                String bucket = o.bucketColumn();
                try (var rs = s.executeQuery("select count(distinct b), count(*) filter (where b < p) from "
                        + "(select " + bucket + " b, lag(" + bucket + ") over (order by " + o.keyColumn() + ", id) p "
                        + "from customer_search) x")) {
                    rs.next();
                    assertEquals(3, rs.getInt(1), bucket + ": 2,500 customers in buckets of 1,000");
                    assertEquals(0, rs.getInt(2), bucket + " follows " + o.keyColumn());
                }
            }
            try (var rs = s.executeQuery("select count(*) from customer_search_bound")) {
                rs.next();
                assertEquals(2 * orders.size(), rs.getInt(1));
            }
            // written in the order of the list by name: a name bucket's rows share heap pages
            try (var rs = s.executeQuery("select count(*) filter (where ctid < p) from (select ctid, lag(ctid) over "
                    + "(order by name, id) p from customer_search) x")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the search copy's rows lie in the order of their names");
            }
            // written once by COPY FREEZE: its pages visible to all and frozen (all but those two batches of rows
            // share, which PostgreSQL leaves to vacuum; none without FREEZE), no row rewritten
            s.execute("create extension if not exists pg_visibility");
            try (var rs = s.executeQuery("select v.all_visible, v.all_frozen, pg_relation_size('customer_search') "
                    + "/ current_setting('block_size')::int from pg_visibility_map_summary('customer_search') v")) {
                rs.next();
                long pages = rs.getLong(3);
                assertTrue(pages > 0);
                assertTrue(rs.getLong(1) > pages * 9 / 10, rs.getLong(1) + " of " + pages + " pages all visible");
                assertTrue(rs.getLong(2) > pages * 9 / 10, rs.getLong(2) + " of " + pages + " pages all frozen");
            }
        }
        String hints = hints(c);
        assertTrue(hints.contains("有限"), hintsMessage);
        String bounds = bounds(c);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        assertEquals(0, CustomerSearchBuckets.assign(c, CustomerSearchBuckets.SIZE, true),
                "a recomputation changes no row");
        assertEquals(hints, hints(c), "and makes the same hints");
        assertEquals(bounds, bounds(c), "and the same bounds");
        c.rollback();
        c.setAutoCommit(autoCommit);
    }

    private static String bounds(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(
                "select string_agg(b::text, ';' order by b.sort_by, b.bucket) from customer_search_bound b")) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }

    private static String hints(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(
                "select string_agg(h::text, ';' order by h.token) from customer_search_hint h")) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}
