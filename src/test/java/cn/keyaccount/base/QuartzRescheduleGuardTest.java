package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.simpl.CascadingClassLoadHelper;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.spi.TriggerFiredResult;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Two nodes of a cluster, each a Quartz job store on the real database with this delegate, stepped by hand through
 * the interleavings that fired one fire time twice. A scheduler name of its own keeps the running scheduler out.
 */
@QuarkusTest
class QuartzRescheduleGuardTest {

    private static final long MINUTE = 60_000;

    @Inject
    AgroalDataSource dataSource;

    private final String scheduler = "guard-test-" + UUID.randomUUID();
    private final TriggerKey key = new TriggerKey("every-minute", io.quarkus.scheduler.Scheduler.class.getName());
    private final JobKey jobKey = new JobKey("every-minute", io.quarkus.scheduler.Scheduler.class.getName());
    private Date first;

    /** The job the trigger names; its class is loaded when a trigger fires, it never runs here. */
    public static class NoJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }

    @BeforeEach
    void schedule() throws Exception {
        DBConnectionManager.getInstance().addConnectionProvider(scheduler, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        });
        first = new Date((System.currentTimeMillis() / MINUTE + 2) * MINUTE);
        JobDetail job = JobBuilder.newJob(NoJob.class).withIdentity(jobKey).build();
        node("setup").storeJobAndTrigger(job, trigger(first));
    }

    @AfterEach
    void removeRows() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("fired_triggers", "simple_triggers", "triggers", "job_details", "locks")) {
                try (PreparedStatement ps = c.prepareStatement("delete from qrtz_" + table + " where sched_name = ?")) {
                    ps.setString(1, scheduler);
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * Node A holds the acquisition of the fire time when node B starts and replaces the trigger (what Quarkus does at
     * a start), then acquires the new row for the same time. A fires it and acquires the next time; B's acquisition
     * is then stale: before the guard, B found the trigger ACQUIRED (by A) and fired the time a second time.
     */
    @Test
    void an_acquisition_overtaken_by_a_starting_node_does_not_fire_the_time_again() throws Exception {
        JobStoreTX a = node("a");
        JobStoreTX b = node("b");
        OperableTrigger heldByA = acquire(a);
        assertEquals(first, heldByA.getNextFireTime());

        b.replaceTrigger(key, trigger(first));
        OperableTrigger heldByB = acquire(b);
        assertEquals(first, heldByB.getNextFireTime(), "the starting node acquired the new row for the same time");

        assertNotNull(fire(a, heldByA), "node A fires the time it acquired");
        OperableTrigger nextByA = acquire(a);
        assertEquals(new Date(first.getTime() + MINUTE), nextByA.getNextFireTime());

        assertNull(fire(b, heldByB), "node B must not fire " + first + " again");
        b.releaseAcquiredTrigger(heldByB);
        assertEquals("ACQUIRED", state(), "B's release leaves A's acquisition alone");
        assertNotNull(fire(a, nextByA), "node A fires the next time");
        assertEquals(2, firings(), "two fire times, each fired once");
    }

    /**
     * An acquisition whose read of the fire time another node's firing overtook, and that holds the trigger itself:
     * it does not fire, and its release frees the trigger for the time it stands at (it is not left ACQUIRED).
     */
    @Test
    void an_overtaken_acquisition_that_holds_the_trigger_releases_it() throws Exception {
        JobStoreTX a = node("a");
        OperableTrigger held = acquire(a);
        Date next = new Date(first.getTime() + MINUTE);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update qrtz_triggers set next_fire_time = ? where sched_name = ?")) {
            ps.setLong(1, next.getTime());
            ps.setString(2, scheduler);
            assertEquals(1, ps.executeUpdate());
        }

        assertNull(fire(a, held), "the time another node fired is not fired again");
        a.releaseAcquiredTrigger(held);
        assertEquals("WAITING", state());
        OperableTrigger again = acquire(a);
        assertEquals(next, again.getNextFireTime());
        assertNotNull(fire(a, again));
    }

    /** A trigger every minute from start, its first fire time computed (as the scheduler does before storing). */
    private OperableTrigger trigger(Date start) {
        OperableTrigger trigger = (OperableTrigger) TriggerBuilder.newTrigger().withIdentity(key).forJob(jobKey)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(MINUTE).repeatForever())
                .startAt(start).build();
        trigger.computeFirstFireTime(null);
        return trigger;
    }

    private JobStoreTX node(String instance) throws Exception {
        JobStoreTX store = new JobStoreTX();
        store.setDataSource(scheduler);
        store.setInstanceName(scheduler);
        store.setInstanceId(instance);
        store.setTablePrefix("QRTZ_");
        store.setIsClustered(true);
        store.setDriverDelegateClass(QuartzRescheduleGuard.class.getName());
        CascadingClassLoadHelper classes = new CascadingClassLoadHelper();
        classes.initialize();
        store.initialize(classes, new Signaler());
        return store;
    }

    private OperableTrigger acquire(JobStoreTX node) throws Exception {
        List<OperableTrigger> acquired = node.acquireNextTriggers(first.getTime() + 10 * MINUTE, 1, 0);
        assertEquals(1, acquired.size(), "acquired; the trigger is " + state());
        return acquired.get(0);
    }

    /**
     * The fired bundle, or null when this delegate refused the firing as overtaken; any other outcome (an error, or
     * Quartz declining for a reason of its own) fails the test.
     */
    private Object fire(JobStoreTX node, OperableTrigger trigger) throws Exception {
        List<TriggerFiredResult> results = node.triggersFired(List.of(trigger));
        assertEquals(1, results.size());
        TriggerFiredResult result = results.get(0);
        if (result.getTriggerFiredBundle() != null) {
            return result.getTriggerFiredBundle();
        }
        Exception refused = result.getException();
        if (refused == null || !(refused.getCause() instanceof QuartzRescheduleGuard.StaleAcquisition)) {
            throw new AssertionError("not fired, and not refused as overtaken: the trigger is " + state(), refused);
        }
        return null;
    }

    private String state() throws SQLException {
        return query("select trigger_state from qrtz_triggers where sched_name = ?");
    }

    private long firings() throws SQLException {
        return Long.parseLong(query("select count(*) from qrtz_fired_triggers where sched_name = ? and state = 'EXECUTING'"));
    }

    private String query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scheduler);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static final class Signaler implements SchedulerSignaler {
        @Override
        public void notifyTriggerListenersMisfired(Trigger trigger) {
        }

        @Override
        public void notifySchedulerListenersFinalized(Trigger trigger) {
        }

        @Override
        public void notifySchedulerListenersJobDeleted(JobKey jobKey) {
        }

        @Override
        public void signalSchedulingChange(long candidateNewNextFireTime) {
        }

        @Override
        public void notifySchedulerListenersError(String message, SchedulerException error) {
        }
    }
}
