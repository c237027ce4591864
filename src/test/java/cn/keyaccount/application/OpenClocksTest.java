package cn.keyaccount.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recompute of every open clock in a few statements ({@link OpenClocks}) against the entity-by-entity one. */
@QuarkusTest
class OpenClocksTest {

    private static final String OPEN = "('IN_PROGRESS', 'WAITING')";

    @Inject
    ApplicationService applications;
    @Inject
    OpenClocks clocks;
    @Inject
    ApplicationFixtures fixtures;
    @Inject
    WorkCalendarSource calendars;
    @Inject
    TestClock time;
    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        time.reset();
    }

    private void today(int year, int month, int day) {
        time.set(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, time.zone()));
    }

    @Test
    void after_a_holiday_moves_the_recompute_stores_what_the_entity_by_entity_recompute_stores() throws IOException {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        today(2026, 9, 21);
        ApplicationDetails increase = applications.create(manager, fixtures.draft(customer,
                ApplicationKind.CAPACITY_INCREASE, fixtures.capacityOf(customer).add(new BigDecimal("100"))));
        ApplicationDetails stoppedOnce = fixtures.billingChange(manager, customer);
        today(2026, 9, 23);
        increase = fixtures.complete(manager, increase);
        today(2026, 9, 24);
        stoppedOnce = applications.stopClock(manager, stoppedOnce.id(), StopReason.DOCUMENTS_MISSING, "营业执照",
                stoppedOnce.version());
        today(2026, 9, 29);
        applications.restartClock(manager, stoppedOnce.id(), stoppedOnce.version());
        ApplicationDetails waiting = fixtures.billingChange(manager, customer);
        today(2026, 10, 9);
        applications.stopClock(manager, waiting.id(), StopReason.CUSTOMER_WORKS, "受电工程", waiting.version());
        today(2026, 10, 20);
        LocalDate day = LocalDate.of(2026, 10, 20);
        applications.recomputeOpen();
        Map<Long, String> before = figures();
        Map<Long, Long> versions = versions();
        // the last day of 国庆节 becomes a working day, a day after today a holiday
        WorkCalendar moved = moved("2026-10-07,workday,moved\n2026-10-22,holiday,moved\n");

        Map<Long, String> entityByEntity;
        QuarkusTransaction.begin();
        try {
            for (Application a : em.createQuery("select a from Application a where a.status in :open",
                    Application.class).setParameter("open", ApplicationService.OPEN).getResultList()) {
                ApplicationService.recompute(a, moved, day);
            }
            em.flush();
            entityByEntity = figures();
        } finally {
            QuarkusTransaction.rollback();
        }
        ClocksRecomputed r = clocks.recompute(moved, day);
        Map<Long, String> inFewStatements = figures();

        assertEquals(entityByEntity, inFewStatements, "due dates, working days used, overdue flags, steps' days");
        assertNotEquals(before.get(increase.id()), inFewStatements.get(increase.id()), "the holiday moved in its span");
        assertNotEquals(before.get(stoppedOnce.id()), inFewStatements.get(stoppedOnce.id()));
        assertEquals(r.changed(), r.written());
        assertTrue(r.changed() >= 2, r.toString());
        assertEquals(4, r.statements(), "three reads and one write");
        assertEquals(versions, versions(), "a recompute changes no version");
        assertEquals(0, clocks.recompute(moved, day).changed(), "nothing left to change");
    }

    @Test
    void a_user_who_opened_an_application_before_the_nightly_recompute_can_still_change_it() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        today(2026, 6, 1);
        ApplicationDetails seen = fixtures.billingChange(manager, customer);
        today(2026, 6, 4);
        applications.recomputeOpen();
        assertEquals(3, stored(seen.id()).usedDays(), "2, 3 and 4 June counted");
        assertEquals(seen.version(), applications.get(manager, seen.id()).version());

        ApplicationDetails stopped = applications.stopClock(manager, seen.id(), StopReason.DOCUMENTS_MISSING,
                "用电设备清单", seen.version());

        assertEquals(ApplicationStatus.WAITING, stopped.status());
    }

    @Test
    void a_change_committed_while_the_recompute_computes_is_kept_as_the_user_wrote_it() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        today(2026, 6, 1);
        ApplicationDetails changed = fixtures.billingChange(manager, customer);
        ApplicationDetails other = fixtures.billingChange(manager, customer);
        today(2026, 6, 8);
        LocalDate day = LocalDate.of(2026, 6, 8);
        OpenClocks.Plan plan = clocks.plan(calendars.current(), day);
        assertTrue(plan.changes().stream().anyMatch(c -> c.id() == changed.id() && c.dueOn() != null));

        ApplicationDetails byUser = applications.stopClock(manager, changed.id(), StopReason.CUSTOMER_REQUEST, "",
                changed.version());
        OpenClocks.Written written = clocks.write(plan);

        Stored kept = stored(changed.id());
        assertNull(kept.dueOn(), "no due date while the clock stands, as the user's change stored it");
        assertEquals(byUser.version(), kept.version());
        assertEquals(plan.changes().size() - 1, written.applications());
        Stored recomputed = stored(other.id());
        OpenClocks.Change planned = plan.changes().stream().filter(c -> c.id() == other.id()).findFirst()
                .orElseThrow();
        assertEquals(planned.usedDays(), recomputed.usedDays());
        assertEquals(planned.dueOn(), recomputed.dueOn());
        assertEquals(other.version(), recomputed.version());
    }

    @Test
    void a_change_still_running_when_the_recompute_writes_is_waited_for_and_kept() throws Exception {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        today(2026, 6, 1);
        ApplicationDetails changing = fixtures.billingChange(manager, customer);
        today(2026, 6, 9);
        LocalDate day = LocalDate.of(2026, 6, 9);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch flushed = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<ApplicationDetails> user = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                ApplicationDetails d = applications.stopClock(manager, changing.id(),
                        StopReason.DOCUMENTS_MISSING, "营业执照", changing.version());
                flushed.countDown();
                assertTrue(commit.await(30, TimeUnit.SECONDS));
                return d;
            }));
            assertTrue(flushed.await(30, TimeUnit.SECONDS));
            OpenClocks.Plan plan = clocks.plan(calendars.current(), day);
            assertTrue(plan.changes().stream().anyMatch(c -> c.id() == changing.id()), "read before the commit");
            Future<OpenClocks.Written> recompute = threads.submit(() -> clocks.write(plan));
            Thread.sleep(500);
            assertFalse(recompute.isDone(), "waits for the user's row");
            commit.countDown();
            ApplicationDetails byUser = user.get(30, TimeUnit.SECONDS);
            OpenClocks.Written written = recompute.get(30, TimeUnit.SECONDS);

            Stored kept = stored(changing.id());
            assertNull(kept.dueOn());
            assertEquals(byUser.version(), kept.version());
            assertEquals(plan.changes().size() - 1, written.applications());
        } finally {
            threads.shutdownNow();
        }
    }

    private record Stored(long version, int usedDays, LocalDate dueOn) {
    }

    private Stored stored(long id) {
        Object[] row = (Object[]) em.createNativeQuery("select version, used_days, due_on from connection_application "
                + "where id = :id").setParameter("id", id).getSingleResult();
        return new Stored(((Number) row[0]).longValue(), ((Number) row[1]).intValue(),
                (LocalDate) row[2]);
    }

    /** Every open application's stored clock: used and limit days, due date, overdue, each step's used days. */
    @SuppressWarnings("unchecked")
    private Map<Long, String> figures() {
        Map<Long, String> out = new TreeMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select a.id, a.used_days || '/' || a.limit_days "
                + "|| ' due ' || coalesce(a.due_on::text, '-') || ' overdue ' || a.overdue || ' steps ' || "
                + "(select string_agg(s.position || '=' || s.used_days, ',' order by s.position) "
                + "from connection_application_step s where s.application_id = a.id) "
                + "from connection_application a where a.status in " + OPEN).getResultList()) {
            out.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Long> versions() {
        Map<Long, Long> out = new TreeMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, version from connection_application "
                + "where status in " + OPEN).getResultList()) {
            out.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return out;
    }

    /** The shipped calendar with {@code lines} added (a later line for a date wins). */
    private static WorkCalendar moved(String lines) throws IOException {
        try (InputStream in = OpenClocksTest.class.getClassLoader()
                .getResourceAsStream("scheduler/calendar/cn-workdays.csv")) {
            assertNotNull(in);
            String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return WorkCalendar.parse(new StringReader(shipped + "\n" + lines));
        }
    }
}
