package cn.keyaccount.portrait;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PortraitJobTest {

    @Inject
    PortraitJob job;
    @Inject
    PortraitComputation computation;
    @Inject
    TestClock time;
    @Inject
    EntityManager em;

    @Test
    void the_catch_up_runs_when_the_stored_run_is_older_than_this_months_firing_and_not_again_after() {
        ZonedDateTime now = ZonedDateTime.now(time.zone());
        // batches other tests started (by the real clock) would count as "ran since"
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from portrait_batch").executeUpdate());
        try {
            // the test profile's cron is "0 0 4 2 1 ? 2099": day 2, 04:00
            time.set(now.withDayOfMonth(1).withHour(12));
            computation.recomputeAll();
            assertFalse(job.due(), "computed after last month's firing");
            time.set(now.withDayOfMonth(2).withHour(5));
            assertTrue(job.due(), "this month's firing has passed and nothing ran since");
            job.catchUp();
            assertFalse(job.due());
        } finally {
            time.reset();
        }
    }
}
