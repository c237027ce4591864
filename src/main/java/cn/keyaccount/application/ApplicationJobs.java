package cn.keyaccount.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Moves the stored clocks of open applications on with the days (overdue flags, due dates) and picks up an edited
 * holiday calendar: every night, on one node (Quartz's clustered store).
 */
@ApplicationScoped
class ApplicationJobs {

    private static final Logger LOG = Logger.getLogger(ApplicationJobs.class);

    private final ApplicationService applications;

    ApplicationJobs(ApplicationService applications) {
        this.applications = applications;
    }

    @Scheduled(identity = "application-clocks", cron = "0 30 0 * * ?", timeZone = "${keyaccount.zone}")
    void recomputeClocks() {
        ClocksRecomputed r = applications.recomputeOpen();
        LOG.infof("Recomputed the clocks of %d open applications: %d changed, %d written (the rest changed by a user "
                + "meanwhile), %d statements, %d ms in the database, %d ms in all", r.open(), r.changed(), r.written(),
                r.statements(), r.dbMillis(), r.millis());
    }
}
