package cn.keyaccount.demo;

import cn.keyaccount.base.EmbeddedDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test; run by bench/demo-generation): the demo generator into a fresh, migrated database of the
 * test server (embedded PostgreSQL 17) with {@code bench.demo.customers} customers (default 100,000), as
 * {@code bench/run} generates them at the first start. The generator logs each phase ("Demo data: phase …") and the
 * COPY time per table; this prints the total, the vacuum of the search copy and the load average before and after.
 */
@QuarkusTest
class DemoGenerationBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.demo.customers", 100_000);
    /** "before,after" (default) runs both ways one after the other; "after" only the way the application runs. */
    static final String RUNS = System.getProperty("bench.demo.runs", "before,after");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void print_figures() throws Exception {
        for (String run : RUNS.split(",")) {
            boolean after = run.trim().equals("after");
            System.out.printf("%n%s: %s%n", after ? "AFTER (rows sent by a second thread while the next are made; "
                    + "indexes after the commit, " + DemoDataGenerator.indexSessions() + " sessions side by side)"
                    : "BEFORE (each batch sent before the next is made; indexes in the one transaction)", run);
            generateOnce(after);
        }
    }

    private void generateOnce(boolean after) throws Exception {
        String name = "demo_bench_" + System.nanoTime() % 1_000_000;
        String url;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name + " " + EmbeddedDatabase.CREATE_OPTIONS);
            Matcher m = Pattern.compile("(jdbc:postgresql://[^/]+/)").matcher(c.getMetaData().getURL());
            m.find();
            url = m.group(1) + name;
        }
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load()
                .migrate();
        System.out.printf("%nDEMO GENERATION BENCHMARK: %,d customers, %d cores, load average %s%n", CUSTOMERS,
                Runtime.getRuntime().availableProcessors(), load());
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            String database = url;
            DemoDataGenerator.Result r = DemoDataGenerator.generate(c, CUSTOMERS, 2026L,
                    after ? () -> DriverManager.getConnection(database, "postgres", "postgres") : null, after);
            long generated = System.nanoTime();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum customer_search");
            }
            long vacuumed = System.nanoTime();
            System.out.printf("DEMO GENERATION: %,d customers, %,d contacts, %,d transformers: generated and committed "
                            + "in %.1f s, search copy vacuumed in %.1f s, total %.1f s; load average %s%n",
                    r.customers(), r.contacts(), r.transformers(), (generated - t) / 1e9, (vacuumed - generated) / 1e9,
                    (vacuumed - t) / 1e9, load());
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                System.out.println("could not drop " + name + ": " + e.getMessage());
            }
        }
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
