package cn.keyaccount.support;

import cn.keyaccount.base.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A throwaway real PostgreSQL for the whole test run (one server, shared by every Quarkus test). */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        if (database == null) {
            database = EmbeddedDatabase.throwaway();
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-postgres-stop"));
        }
        return database.datasourceConfig();
    }

    @Override
    public void stop() {
        // kept for the next test class that restarts Quarkus; stopped by the shutdown hook
    }
}
