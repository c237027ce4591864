package cn.keyaccount.base;

import io.quarkus.quartz.runtime.jdbc.QuarkusPostgreSQLDelegate;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.quartz.JobDetail;
import org.quartz.TriggerKey;
import org.quartz.spi.OperableTrigger;

/**
 * Quartz's PostgreSQL delegate (set by {@code quarkus.quartz.driver-delegate}) with two guards that keep a clustered
 * trigger from firing one fire time twice.
 * <p>
 * <b>A replaced trigger never starts before the fire time the trigger it replaces had reached.</b> A node that starts
 * beside running ones (Quarkus's QuartzSchedulerImpl) reads each job's trigger without Quartz's lock, then replaces
 * it with the same schedule starting at the next fire time it read. When a running node fires that time in between
 * (the read is stale by then), the replacement fired it a second time at once. The replace itself runs under Quartz's
 * trigger lock, deleting the old row and inserting the new one on one connection; here the delete remembers the old
 * row's next fire time and the insert moves the new trigger's first fire time up to it when it lies before.
 * <p>
 * <b>A stale acquisition does not fire.</b> Quartz acquires a trigger without its lock, then fires it under the lock,
 * checking only that the stored trigger is in the state ACQUIRED, not that it is this node's acquisition. A node may
 * hold an acquisition that another has overtaken: the running node's acquisition of the row a starting node replaced
 * (the starting node then acquires the new row for the same time), or an acquisition whose read of the fire time was
 * overtaken by another node's firing. Whichever node fired first moved the stored next fire time on, and the other
 * fired the same time again when it found the row ACQUIRED by the next acquisition (seen for {@code notice-dispatch},
 * every second, when a node restarted in the cluster check). Here the firing of an acquisition whose fire time is no
 * longer the stored one is refused; Quartz then releases it. When another node holds a live acquisition of the
 * trigger, that release leaves the trigger's state alone, so the other node's acquisition still fires.
 */
public class QuartzRescheduleGuard extends QuarkusPostgreSQLDelegate {

    private static final Logger LOG = Logger.getLogger(QuartzRescheduleGuard.class);
    /** The group Quarkus gives the triggers of {@code @Scheduled} methods. */
    private static final String SCHEDULED_GROUP = io.quarkus.scheduler.Scheduler.class.getName();
    private static final ThreadLocal<Replaced> REPLACED = new ThreadLocal<>();
    /** Refused acquisitions (fired-trigger entry id to trigger) whose release must leave another node's state alone. */
    private static final ThreadLocal<Map<String, TriggerKey>> OVERTAKEN = ThreadLocal.withInitial(HashMap::new);

    /** A trigger this thread just deleted, on that connection, and the fire time it had reached. */
    private record Replaced(Connection connection, TriggerKey key, Date nextFireTime) {
    }

    /** Thrown inside Quartz's firing; Quartz treats it as a trigger that cannot fire now and releases it. */
    static final class StaleAcquisition extends SQLException {
        StaleAcquisition(String message) {
            super(message);
        }
    }

    @Override
    public int deleteTrigger(Connection conn, TriggerKey key) throws SQLException {
        REPLACED.remove();
        if (SCHEDULED_GROUP.equals(key.getGroup())) {
            long next = storedNextFireTime(conn, key);
            if (next > 0) {
                REPLACED.set(new Replaced(conn, key, new Date(next)));
            }
        }
        return super.deleteTrigger(conn, key);
    }

    @Override
    public int insertTrigger(Connection conn, OperableTrigger trigger, String state, JobDetail jobDetail)
            throws SQLException, IOException {
        Replaced replaced = REPLACED.get();
        REPLACED.remove();
        if (replaced != null && replaced.connection() == conn && replaced.key().equals(trigger.getKey())
                && trigger.getNextFireTime() != null && trigger.getNextFireTime().before(replaced.nextFireTime())) {
            trigger.setNextFireTime(replaced.nextFireTime());
        }
        return super.insertTrigger(conn, trigger, state, jobDetail);
    }

    @Override
    public int insertFiredTrigger(Connection conn, OperableTrigger trigger, String state, JobDetail job)
            throws SQLException {
        // a new acquisition of the trigger by this thread: an older refusal no longer stands for it
        OVERTAKEN.get().values().removeIf(trigger.getKey()::equals);
        return super.insertFiredTrigger(conn, trigger, state, job);
    }

    /** Called under Quartz's trigger lock when an acquired trigger fires, before anything is written. */
    @Override
    public int updateFiredTrigger(Connection conn, OperableTrigger trigger, String state, JobDetail job)
            throws SQLException {
        if (STATE_EXECUTING.equals(state) && trigger.getNextFireTime() != null) {
            long stored = storedNextFireTime(conn, trigger.getKey());
            long acquired = trigger.getNextFireTime().getTime();
            if (stored != acquired) {
                boolean heldElsewhere = acquiredByAnother(conn, trigger);
                if (heldElsewhere) {
                    OVERTAKEN.get().put(trigger.getFireInstanceId(), trigger.getKey());
                }
                LOG.infof("Trigger %s not fired for %s: an overtaken acquisition, the trigger stands at %s%s",
                        trigger.getKey(), Instant.ofEpochMilli(acquired), Instant.ofEpochMilli(stored),
                        heldElsewhere ? " and another node holds it" : "");
                throw new StaleAcquisition("the acquisition of " + trigger.getKey() + " for " + acquired
                        + " was overtaken; the trigger stands at " + stored);
            }
        }
        return super.updateFiredTrigger(conn, trigger, state, job);
    }

    /** Quartz's release of a refused acquisition leaves the state of another node's acquisition as it is. */
    @Override
    public int updateTriggerStateFromOtherState(Connection conn, TriggerKey key, String newState, String oldState)
            throws SQLException {
        if (STATE_WAITING.equals(newState) && (STATE_ACQUIRED.equals(oldState) || STATE_BLOCKED.equals(oldState))
                && OVERTAKEN.get().containsValue(key)) {
            return 0;
        }
        return super.updateTriggerStateFromOtherState(conn, key, newState, oldState);
    }

    @Override
    public int deleteFiredTrigger(Connection conn, String entryId) throws SQLException {
        OVERTAKEN.get().remove(entryId);
        return super.deleteFiredTrigger(conn, entryId);
    }

    /** The stored trigger's next fire time in milliseconds, 0 when there is no such trigger. */
    private long storedNextFireTime(Connection conn, TriggerKey key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(rtp("SELECT NEXT_FIRE_TIME FROM {0}TRIGGERS "
                + "WHERE SCHED_NAME = {1} AND TRIGGER_NAME = ? AND TRIGGER_GROUP = ?"))) {
            ps.setString(1, key.getName());
            ps.setString(2, key.getGroup());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Whether another acquisition of the trigger (not this one's fired-trigger entry) is waiting to fire. */
    private boolean acquiredByAnother(Connection conn, OperableTrigger trigger) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(rtp("SELECT 1 FROM {0}FIRED_TRIGGERS WHERE SCHED_NAME = {1} "
                + "AND TRIGGER_NAME = ? AND TRIGGER_GROUP = ? AND ENTRY_ID <> ? AND STATE = ?"))) {
            ps.setString(1, trigger.getKey().getName());
            ps.setString(2, trigger.getKey().getGroup());
            ps.setString(3, trigger.getFireInstanceId());
            ps.setString(4, STATE_ACQUIRED);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
