package cn.keyaccount.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Fills an empty database with the demo company at start (KEYACCOUNT_DEMO=false turns it off). */
class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);

    void onStart(@Observes StartupEvent event, DemoDataGenerator generator,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled,
                 @ConfigProperty(name = "keyaccount.demo.customers") int customers) {
        if (enabled && generator.databaseIsEmpty()) {
            LOG.infof("Empty database: generating the demo company with %d key customers", customers);
            generator.generate(customers, 2026L);
        }
    }
}
