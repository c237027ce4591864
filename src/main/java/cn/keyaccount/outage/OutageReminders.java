package cn.keyaccount.outage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * The job {@code outage-reminders} (every minute, {@code keyaccount.outage.reminder.check-every}): writes the
 * day-before reminder of each announced outage shortly before it is due ({@code keyaccount.outage.reminder
 * .fan-out-ahead}, 15 min), so that saving an outage writes only its first warning. The notice engine then sends the
 * reminder at its time like any other notice.
 */
@ApplicationScoped
class OutageReminders {

    private static final Logger LOG = Logger.getLogger(OutageReminders.class);

    private final OutageService outages;
    private final OutageSettings settings;

    OutageReminders(OutageService outages, OutageSettings settings) {
        this.outages = outages;
        this.settings = settings;
    }

    @Scheduled(identity = "outage-reminders", every = "{keyaccount.outage.reminder.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long start = System.nanoTime();
        int written = writeDue(OffsetDateTime.now());
        if (written > 0) {
            LOG.infof("Outage reminders written: %d in %d ms", written, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Writes every reminder due within the fan-out lead of {@code now}, one outage per transaction; returns how many
     * outages it took (a reminder whose outage has begun meanwhile is dropped, not written).
     */
    int writeDue(OffsetDateTime now) {
        OffsetDateTime horizon = now.plus(settings.reminder().fanOutAhead());
        int written = 0;
        while (outages.writeNextReminder(horizon, now)) {
            written++;
        }
        return written;
    }
}
