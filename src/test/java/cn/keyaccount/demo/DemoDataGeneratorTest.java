package cn.keyaccount.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            s.execute("create database " + name + " owner " + owner + " encoding 'UTF8' template template0");
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
}
