package cn.keyaccount.base;

import io.quarkus.quartz.runtime.jdbc.QuarkusPostgreSQLDelegate;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import org.quartz.JobDetail;
import org.quartz.TriggerKey;
import org.quartz.spi.OperableTrigger;

/**
 * Quartz's PostgreSQL delegate (set by {@code quarkus.quartz.driver-delegate}) with one guard: a replaced
 * {@code @Scheduled} trigger never starts before the fire time the trigger it replaces had reached.
 * <p>
 * Why: a node that starts beside running ones (Quarkus's QuartzSchedulerImpl) reads each job's trigger without
 * Quartz's lock, then replaces it with the same schedule starting at the next fire time it read. When a running node
 * fires that time in between (the read is stale by then), the replacement fired it a second time at once: under load
 * {@code notice-dispatch} ran twice for one fire time. The replace itself runs under Quartz's trigger lock, deleting
 * the old row and inserting the new one on one connection; here the delete remembers the old row's next fire time and
 * the insert moves the new trigger's first fire time up to it when it lies before.
 */
public class QuartzRescheduleGuard extends QuarkusPostgreSQLDelegate {

    /** The group Quarkus gives the triggers of {@code @Scheduled} methods. */
    private static final String SCHEDULED_GROUP = io.quarkus.scheduler.Scheduler.class.getName();
    private static final ThreadLocal<Replaced> REPLACED = new ThreadLocal<>();

    /** A trigger this thread just deleted, on that connection, and the fire time it had reached. */
    private record Replaced(Connection connection, TriggerKey key, Date nextFireTime) {
    }

    @Override
    public int deleteTrigger(Connection conn, TriggerKey key) throws SQLException {
        REPLACED.remove();
        if (SCHEDULED_GROUP.equals(key.getGroup())) {
            try (PreparedStatement ps = conn.prepareStatement(rtp("SELECT NEXT_FIRE_TIME FROM {0}TRIGGERS "
                    + "WHERE SCHED_NAME = {1} AND TRIGGER_NAME = ? AND TRIGGER_GROUP = ?"))) {
                ps.setString(1, key.getName());
                ps.setString(2, key.getGroup());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        REPLACED.set(new Replaced(conn, key, new Date(rs.getLong(1))));
                    }
                }
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
}
