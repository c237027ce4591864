package cn.keyaccount.outage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
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

    private final Clock clock;

    OutageReminders(Clock clock, OutageService outages, OutageSettings settings) {
        this.clock = clock;
        this.outages = outages;
        this.settings = settings;
    }

    @Scheduled(identity = "outage-reminders", every = "{keyaccount.outage.reminder.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        writeDue(OffsetDateTime.now(clock));
    }

    /**
     * Writes every reminder due within the fan-out lead of {@code now}, one outage per transaction, each logged with
     * its time; returns how many outages it took (a reminder whose outage has begun meanwhile is dropped).
     */
    int writeDue(OffsetDateTime now) {
        OffsetDateTime horizon = now.plus(settings.reminder().fanOutAhead());
        int taken = 0;
        while (true) {
            long start = System.nanoTime();
            Optional<OutageService.ReminderWritten> done = outages.writeNextReminder(horizon, now);
            if (done.isEmpty()) {
                return taken;
            }
            taken++;
            LOG.infof("Outage reminder of outage %d: %d customers in %d ms", done.get().outageId(),
                    done.get().customers(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
