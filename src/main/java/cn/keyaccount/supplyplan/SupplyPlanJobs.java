package cn.keyaccount.supplyplan;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/** Activates approved plans when their period begins (every 5 minutes, on one node of the cluster). */
@ApplicationScoped
class SupplyPlanJobs {

    private static final Logger LOG = Logger.getLogger(SupplyPlanJobs.class);

    private final SupplyPlanService plans;

    private final Clock clock;

    SupplyPlanJobs(Clock clock, SupplyPlanService plans) {
        this.clock = clock;
        this.plans = plans;
    }

    @Scheduled(identity = "supply-plan-activation", every = "5m", delayed = "30s")
    void activateDuePlans() {
        int activated = plans.activateDue(OffsetDateTime.now(clock));
        if (activated > 0) {
            LOG.infof("Activated %d supply-guarantee plans whose period began", activated);
        }
    }
}
