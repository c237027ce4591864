package cn.keyaccount.base;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Entry point. With no external database configured (KEYACCOUNT_DB_URL unset) it first starts the embedded
 * PostgreSQL, keeping its data under KEYACCOUNT_DATA_DIR (default ./data/postgres); it provides the key of the
 * sign-in cookie (see {@link SessionKey}), then starts Quarkus.
 */
@QuarkusMain
public final class KeyAccountApplication {

    private static final Logger LOG = Logger.getLogger(KeyAccountApplication.class);
    /** Survives dev-mode reloads (same JVM, new class loader): the server is started only once. */
    private static final String STARTED_MARKER = "keyaccount.embedded-db.url";

    KeyAccountApplication() {
    }

    public static void main(String... args) {
        if (isBlank(System.getenv("KEYACCOUNT_DB_URL")) && isBlank(System.getProperty("quarkus.datasource.jdbc.url"))) {
            startEmbeddedDatabase();
        }
        provideSessionKey();
        Quarkus.run(args);
    }

    private static synchronized void startEmbeddedDatabase() {
        if (System.getProperty(STARTED_MARKER) != null) {
            return;
        }
        String dir = System.getenv().getOrDefault("KEYACCOUNT_DATA_DIR", "data/postgres");
        LOG.infof("No KEYACCOUNT_DB_URL set: starting the embedded PostgreSQL with its data in %s", dir);
        EmbeddedDatabase database = EmbeddedDatabase.persistent(Path.of(dir).toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        database.datasourceConfig().forEach(System::setProperty);
        System.setProperty(STARTED_MARKER, database.jdbcUrl());
    }

    /** Unless the Quarkus setting is given directly (then it is only checked at start), see {@link SessionKey}. */
    private static void provideSessionKey() {
        if (isBlank(System.getProperty(SessionKey.PROPERTY))
                && isBlank(System.getenv("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"))) {
            System.setProperty(SessionKey.PROPERTY, SessionKey.resolve(System::getenv));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
