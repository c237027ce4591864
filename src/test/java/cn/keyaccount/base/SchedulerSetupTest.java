package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.TriggerListenerSupport;

@QuarkusTest
class SchedulerSetupTest {

    @Inject
    Scheduler scheduler;

    @Inject
    EntityManager em;

    @Test
    void quartz_runs_clustered_on_the_postgresql_job_store() throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();
        assertTrue(meta.isJobStoreSupportsPersistence(), "persistent job store");
        assertTrue(meta.isJobStoreClustered(), "clustered");
        assertTrue(scheduler.isStarted());
        Number nodes = (Number) em.createNativeQuery("select count(*) from qrtz_scheduler_state").getSingleResult();
        assertTrue(nodes.intValue() >= 1, "this node checked in to the cluster table");
    }

    @Test
    void hibernate_only_validates_the_schema_flyway_owns() {
        Number migrations = (Number) em.createNativeQuery(
                "select count(*) from flyway_schema_history where success").getSingleResult();
        assertTrue(migrations.intValue() >= 2);
        assertEquals("17", em.createNativeQuery("show server_version_num").getSingleResult().toString().substring(0, 2),
                "a real PostgreSQL 17");
    }

    /**
     * What a node does when it starts next to running ones (Quarkus's QuartzSchedulerImpl): it reads each job's
     * trigger, then replaces it with the same schedule starting at the next fire time it read. When a running node
     * fires that time in between, the replaced trigger must not fire it again.
     */
    @Test
    void a_node_starting_while_another_fires_the_job_does_not_fire_that_time_again() throws Exception {
        TriggerKey key = new TriggerKey("notice-dispatch", io.quarkus.scheduler.Scheduler.class.getName());
        List<Date> fired = new CopyOnWriteArrayList<>();
        scheduler.getListenerManager().addTriggerListener(new TriggerListenerSupport() {
            @Override
            public String getName() {
                return "fire-times-of-notice-dispatch";
            }

            @Override
            public void triggerFired(Trigger trigger, JobExecutionContext context) {
                fired.add(context.getScheduledFireTime());
            }
        }, KeyMatcher.keyEquals(key));
        try {
            SimpleTrigger read = (SimpleTrigger) scheduler.getTrigger(key);
            Date next = read.getNextFireTime();
            long end = System.currentTimeMillis() + 30_000;
            while (!fired.contains(next)) {
                assertTrue(System.currentTimeMillis() < end, "notice-dispatch did not fire at " + next + ": " + fired);
                Thread.sleep(20);
            }
            Trigger replacement = TriggerBuilder.newTrigger().withIdentity(key).forJob(read.getJobKey())
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(read.getRepeatInterval()).repeatForever())
                    .startAt(next).build();
            QuarkusTransaction.requiringNew().call(() -> scheduler.rescheduleJob(key, replacement));
            Thread.sleep(3 * read.getRepeatInterval() + 500);

            assertEquals(1, fired.stream().filter(next::equals).count(), "fired once at " + next + ": " + fired);
            assertTrue(fired.size() > 1, "and it goes on firing after the start: " + fired);
        } finally {
            scheduler.getListenerManager().removeTriggerListener("fire-times-of-notice-dispatch");
        }
    }
}
