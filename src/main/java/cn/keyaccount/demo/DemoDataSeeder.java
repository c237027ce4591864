package cn.keyaccount.demo;

import cn.keyaccount.base.StartupLock;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with the demo company at start when the demo was asked for (dev mode and tests; a
 * production start only with KEYACCOUNT_DEMO=true). A database that already holds data and is not the demo is never
 * mixed with it: the demo is refused with a log line. Decision and generation run under the start-up lock, so two
 * nodes starting together on an empty database generate once.
 */
class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);

    void onStart(@Observes StartupEvent event, DemoDataGenerator generator, DemoDatabase demo, StartupLock lock,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled,
                 @ConfigProperty(name = "keyaccount.demo.customers") int customers) {
        if (enabled) {
            lock.holding(StartupLock.FIRST_START, () -> seed(generator, demo, customers));
        }
    }

    static boolean seed(DemoDataGenerator generator, DemoDatabase demo, int customers) {
        if (demo.isDemo()) {
            return false;
        }
        if (!generator.databaseIsEmpty()) {
            LOG.error("Demo data refused: KEYACCOUNT_DEMO asks for the demo company, but this database already holds "
                    + "users or units and is not the demo (no demo marker). The demo is only ever written into an "
                    + "empty database and never mixed with real data; unset KEYACCOUNT_DEMO, or point the "
                    + "application at an empty database for the demo.");
            return false;
        }
        LOG.infof("Empty database: generating the demo company with %d key customers", customers);
        generator.generate(customers, 2026L);
        return true;
    }
}
