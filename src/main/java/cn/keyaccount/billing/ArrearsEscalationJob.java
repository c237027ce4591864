package cn.keyaccount.billing;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/** Daily at 09:00 (clustered: on one node): the arrears reminders that are due today. */
@ApplicationScoped
class ArrearsEscalationJob {

    private static final Logger LOG = Logger.getLogger(ArrearsEscalationJob.class);

    private final BillingService billing;

    private final Clock clock;

    ArrearsEscalationJob(Clock clock, BillingService billing) {
        this.clock = clock;
        this.billing = billing;
    }

    @Scheduled(identity = "arrears-escalation", cron = "0 0 9 * * ?", timeZone = "${keyaccount.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int reminded = billing.escalateArrears(LocalDate.now(clock));
        if (reminded > 0) {
            LOG.infof("Arrears reminders scheduled for %d accounts", reminded);
        }
    }
}
