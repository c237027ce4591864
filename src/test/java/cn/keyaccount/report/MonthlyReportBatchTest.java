package cn.keyaccount.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.notice.NoticeInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MonthlyReportBatchTest {

    @Inject
    MonthlyReportBatch batch;
    @Inject
    ReportService reports;
    @Inject
    ReportFixtures fixtures;
    @Inject
    NoticeInbox noticeInbox;
    @Inject
    EntityManager em;

    private long reportsOf(long customerId, YearMonth month) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from energy_report where customer_id = ?1 and period = ?2")
                .setParameter(1, customerId).setParameter(2, month.toString()).getSingleResult()).longValue());
    }

    @Test
    void the_monthly_batch_run_twice_makes_each_report_once_and_tells_the_customer() {
        YearMonth month = YearMonth.of(2013, 5);
        long a = fixtures.newCustomer();
        long b = fixtures.newCustomer();
        long without = fixtures.newCustomer();
        fixtures.importDays(a, LocalDate.of(2013, 5, 1), LocalDate.of(2013, 5, 3));
        fixtures.importDays(b, LocalDate.of(2013, 5, 30), LocalDate.of(2013, 6, 2));

        MonthlyReportBatch.Progress first = batch.start(month, "node-a");
        assertTrue(first.finished());
        assertEquals(2, first.made(), "a and b (and no other customer has data in 2013-05)");
        MonthlyReportBatch.Progress again = batch.start(month, "node-b");
        assertEquals(2, again.made());
        assertFalse(reports.generateScheduled(a, month), "made once, whoever asks again");
        assertEquals(1, reportsOf(a, month));
        assertEquals(1, reportsOf(b, month));
        assertEquals(0, reportsOf(without, month));
        ReportDetails made = reports.list(ReportFixtures.SYSTEM, a, 0, 10).getFirst();
        assertEquals(ReportOrigin.SCHEDULED, made.origin());
        assertEquals(1, made.issue());
        assertEquals(2, made.files().size());
        assertTrue(noticeInbox.history(ReportFixtures.SYSTEM, a, 0, 50).stream()
                .anyMatch(m -> "REPORT".equals(m.purpose())), "report-ready notice");
    }

    @Test
    void a_batch_interrupted_midway_is_resumed_from_its_cursor_by_another_node() {
        YearMonth month = YearMonth.of(2013, 7);
        List<Long> customers = List.of(fixtures.newCustomer(), fixtures.newCustomer(), fixtures.newCustomer());
        for (long id : customers) {
            fixtures.importDays(id, LocalDate.of(2013, 7, 10), LocalDate.of(2013, 7, 11));
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into report_batch (kind, period) "
                + "values ('ENERGY_AUDIT', '2013-07')").executeUpdate());
        long cursorBefore = customers.getFirst() - 1;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch set cursor_id = ?1 "
                + "where period = '2013-07'").setParameter(1, cursorBefore).executeUpdate());
        MonthlyReportBatch.Progress crashed = batch.run(month, "node-a", 2);
        assertFalse(crashed.finished());
        assertEquals(2, crashed.made(), "the first two of ours before the crash");
        assertEquals(customers.get(1), crashed.cursor());

        batch.resumeInterrupted("node-b");
        assertEquals(1, reportsOf(customers.getFirst(), month), "node-b holds no lease yet: node-a is alive");
        assertEquals(0, reportsOf(customers.get(2), month));
        // node-a dies: its lease runs out
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch set heartbeat_at = "
                + "now() - interval '10 minutes' where period = '2013-07'").executeUpdate());
        batch.resumeInterrupted("node-b");
        MonthlyReportBatch.Progress done = batch.progress(month.toString());
        assertTrue(done.finished());
        assertEquals(3, done.made());
        for (long id : customers) {
            assertEquals(1, reportsOf(id, month));
        }
    }

    @Test
    void the_batch_on_four_threads_makes_each_report_once_and_its_cursor_passes_every_customer() {
        YearMonth month = YearMonth.of(2013, 9);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long id = fixtures.newCustomer();
            customers.add(id);
            if (i != 4) {
                fixtures.importDays(id, LocalDate.of(2013, 9, 1 + i), LocalDate.of(2013, 9, 2 + i));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into report_batch (kind, period) "
                + "values ('ENERGY_AUDIT', '2013-09')").executeUpdate());

        MonthlyReportBatch.Progress done = batch.run(month, "node-p", Integer.MAX_VALUE, 4);
        assertTrue(done.finished());
        assertEquals(8, done.made(), "every customer with data in the month, the one without none");
        assertEquals(0, done.failed(), "the worker threads reach the services (request context, transactions)");
        assertTrue(done.cursor() >= customers.getLast(), "the cursor passed all of them");
        for (long id : customers) {
            assertEquals(id == customers.get(4) ? 0 : 1, reportsOf(id, month), "customer " + id);
            assertEquals(id == customers.get(4) ? 0 : 1, noticeInbox.history(ReportFixtures.SYSTEM, id, 0, 50).stream()
                    .filter(m -> "REPORT".equals(m.purpose())).map(m -> m.noticeId()).distinct().count(),
                    "one report-ready notice for customer " + id);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch set finished_at = null, worker = null, "
                + "cursor_id = ?1 where period = '2013-09'").setParameter(1, customers.getFirst() - 1).executeUpdate());
        MonthlyReportBatch.Progress again = batch.run(month, "node-q", Integer.MAX_VALUE, 4);
        assertTrue(again.finished());
        assertEquals(8, again.made(), "nothing made a second time");
        assertEquals(8, again.skipped(), "every report found made");
    }

    @Test
    void workers_asking_for_the_same_report_at_once_make_it_once() throws Exception {
        YearMonth month = YearMonth.of(2013, 11);
        long id = fixtures.newCustomer();
        fixtures.importDays(id, LocalDate.of(2013, 11, 5), LocalDate.of(2013, 11, 6));
        int threads = 4;
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ReportService.Scheduled>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    together.await();
                    return reports.issueScheduled(id, month);
                }));
            }
            Map<ReportService.Scheduled, Long> counted = new java.util.EnumMap<>(ReportService.Scheduled.class);
            for (Future<ReportService.Scheduled> f : outcomes) {
                counted.merge(f.get(2, TimeUnit.MINUTES), 1L, Long::sum);
            }
            assertEquals(Map.of(ReportService.Scheduled.MADE, 1L, ReportService.Scheduled.EXISTS, (long) threads - 1),
                    counted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reportsOf(id, month));
        assertEquals(1, noticeInbox.history(ReportFixtures.SYSTEM, id, 0, 50).stream()
                .filter(m -> "REPORT".equals(m.purpose())).map(m -> m.noticeId()).distinct().count(),
                "the notice goes out with the one stored report");
    }
}
