package cn.keyaccount.support;

import cn.keyaccount.base.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A throwaway real PostgreSQL for the whole test run (one server, shared by every Quarkus test). Tests run against its
 * database {@code keyaccount}, which gets the demo company; a test profile that needs an empty database of its own sets
 * {@code keyaccount.test.database} to {@link #EMPTY} (made empty at the start of the run).
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    /** An empty database for a test profile that starts as a real deployment (no demo). */
    public static final String EMPTY = "keyaccount_real";
    /** A database of its own for the operations tests, which take it away from the application for a while. */
    public static final String OPERATIONS = "keyaccount_ops";

    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        if (database == null) {
            database = EmbeddedDatabase.throwaway();
            database.createDatabase(EMPTY);
            database.createDatabase(OPERATIONS);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-postgres-stop"));
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl("${keyaccount.test.database:" + EmbeddedDatabase.DATABASE
                        + "}"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // kept for the next test class that restarts Quarkus; stopped by the shutdown hook
    }
}
