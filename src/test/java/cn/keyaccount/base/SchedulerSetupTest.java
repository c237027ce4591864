package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;

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
}
