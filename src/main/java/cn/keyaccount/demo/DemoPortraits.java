package cn.keyaccount.demo;

import cn.keyaccount.portrait.PortraitComputation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Computes the demo's customer portraits on the first start, so that every demo customer with readings has one (the
 * monthly job keeps them current after that). Cheap and off the start path, as {@link DemoReports}: whether to compute
 * is one query at start (no run yet), and only the customers with a meter are measured, on a thread of its own, so the
 * application does not wait for it. Nodes starting together may both compute; the store keeps one run.
 */
@ApplicationScoped
class DemoPortraits {

    private static final Logger LOG = Logger.getLogger(DemoPortraits.class);

    private final DemoDatabase demo;
    private final PortraitComputation portraits;
    private final AgroalDataSource dataSource;

    DemoPortraits(DemoDatabase demo, PortraitComputation portraits, AgroalDataSource dataSource) {
        this.demo = demo;
        this.portraits = portraits;
        this.dataSource = dataSource;
    }

    /** Runs after the demo's interval data (DemoEnergy, APPLICATION + 700). */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 800) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (!enabled || !demo.isDemo()) {
            return;
        }
        List<Long> withMeters = customersWithMetersWithoutPortraits();
        if (!withMeters.isEmpty()) {
            // a thread of its own: the start's request context ends when the start does
            Thread.ofPlatform().name("demo-portraits").daemon().start(() -> compute(withMeters));
        }
    }

    void compute(List<Long> customers) {
        try {
            PortraitComputation.RunSummary run = portraits.recompute(customers);
            LOG.infof("Demo portraits: %d customers with readings, %d segmented, in %d ms", run.customers(),
                    run.segmented(), run.millis());
        } catch (RuntimeException e) {
            LOG.error("Demo portraits failed; the monthly job or an administrator's recompute makes them", e);
        }
    }

    /** The customers with a meter, when no portrait run has been stored yet at all. */
    private List<Long> customersWithMetersWithoutPortraits() {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select distinct m.customer_id from meter m where not exists "
                     + "(select 1 from portrait_run) order by m.customer_id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}
