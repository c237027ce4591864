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

    /** The batch of a month whose chunks are {@code chunkSize} customers, made only by the test's "nodes". */
    private void create(YearMonth month, int chunkSize) {
        assertTrue(batch.create(month, chunkSize), "a new batch for " + month);
    }

    private void ageLeases(YearMonth month) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch_chunk c set "
                + "heartbeat_at = now() - interval '10 minutes' from report_batch b where b.id = c.batch_id "
                + "and b.period = ?1 and c.finished_at is null").setParameter(1, month.toString()).executeUpdate());
    }

    @Test
    void two_nodes_share_the_batch_and_make_every_report_exactly_once() throws Exception {
        YearMonth month = YearMonth.of(2013, 7);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long id = fixtures.newCustomer();
            customers.add(id);
            fixtures.importDays(id, LocalDate.of(2013, 7, 1 + i), LocalDate.of(2013, 7, 2 + i));
        }
        create(month, 2);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> finished = new ArrayList<>();
            for (String node : List.of("node-1", "node-2")) {
                finished.add(nodes.submit(() -> {
                    together.await();
                    return batch.work(node, 2);
                }));
            }
            int byOne = finished.get(0).get(5, TimeUnit.MINUTES);
            int byTwo = finished.get(1).get(5, TimeUnit.MINUTES);
            MonthlyReportBatch.Progress done = batch.progress(month.toString());
            assertTrue(done.finished());
            assertTrue(byOne + byTwo >= done.chunks(), "every chunk finished, by one of the two");
            assertTrue(byOne > 0 && byTwo > 0, "both nodes worked: " + byOne + " and " + byTwo + " chunks");
            assertEquals(8, done.made());
            assertEquals(0, done.skipped(), "no customer handled twice");
            assertEquals(0, done.failed());
        } finally {
            nodes.shutdownNow();
        }
        for (long id : customers) {
            assertEquals(1, reportsOf(id, month), "customer " + id);
            assertEquals(1, noticeInbox.history(ReportFixtures.SYSTEM, id, 0, 50).stream()
                    .filter(m -> "REPORT".equals(m.purpose())).map(m -> m.noticeId()).distinct().count(),
                    "one report-ready notice for customer " + id);
        }
    }

    @Test
    void a_node_that_dies_after_claiming_leaves_its_chunk_to_another_node_after_the_lease() {
        YearMonth month = YearMonth.of(2013, 8);
        List<Long> customers = List.of(fixtures.newCustomer(), fixtures.newCustomer(), fixtures.newCustomer());
        for (long id : customers) {
            fixtures.importDays(id, LocalDate.of(2013, 8, 10), LocalDate.of(2013, 8, 11));
        }
        create(month, 1);
        // the node that dies claims the chunk of the first of ours (claims come in customer order) and is gone
        MonthlyReportBatch.Chunk claimed;
        do {
            claimed = batch.claim("node-dead");
        } while (claimed != null && !claimed.covers(customers.getFirst()));
        assertEquals(customers.getFirst(), claimed.upToId(), "a chunk of one customer");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch_chunk c set "
                + "worker = null, claims = 0 from report_batch b where b.id = c.batch_id and b.period = ?1 and c.worker = "
                + "'node-dead' and c.up_to_id <> ?2").setParameter(1, month.toString())
                .setParameter(2, customers.getFirst()).executeUpdate());

        batch.work("node-b", 2);
        MonthlyReportBatch.Progress meanwhile = batch.progress(month.toString());
        assertFalse(meanwhile.finished(), "the dead node's chunk is still under its lease");
        assertEquals(meanwhile.chunks() - 1, meanwhile.chunksFinished());
        assertEquals(0, reportsOf(customers.getFirst(), month));
        assertEquals(1, reportsOf(customers.get(1), month));

        ageLeases(month);
        assertEquals(1, batch.work("node-b", 2), "node-b takes the dead node's chunk over");
        MonthlyReportBatch.Progress done = batch.progress(month.toString());
        assertTrue(done.finished());
        assertEquals(3, done.made());
        for (long id : customers) {
            assertEquals(1, reportsOf(id, month));
        }
    }

    @Test
    void a_node_that_dies_midway_through_a_chunk_is_followed_from_its_cursor() {
        YearMonth month = YearMonth.of(2013, 10);
        List<Long> customers = List.of(fixtures.newCustomer(), fixtures.newCustomer(), fixtures.newCustomer());
        for (long id : customers) {
            fixtures.importDays(id, LocalDate.of(2013, 10, 10), LocalDate.of(2013, 10, 11));
        }
        create(month, 1_000_000);
        // node-a made the first report, moved the cursor past it, and died
        assertEquals(ReportService.Scheduled.MADE, reports.issueScheduled(customers.getFirst(), month));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch_chunk c set "
                + "worker = 'node-a', heartbeat_at = now() - interval '10 minutes', claims = 1, cursor_id = ?1 "
                + "from report_batch b where b.id = c.batch_id and b.period = ?2").setParameter(1, customers.getFirst())
                .setParameter(2, month.toString()).executeUpdate());

        batch.work("node-b", 2);
        MonthlyReportBatch.Progress done = batch.progress(month.toString());
        assertTrue(done.finished());
        assertEquals(2, done.made(), "the two after node-a's cursor");
        assertEquals(0, done.skipped(), "nothing before the cursor visited again");
        for (long id : customers) {
            assertEquals(1, reportsOf(id, month));
        }
    }

    @Test
    void the_batch_on_four_threads_makes_each_report_once_and_again_finds_them_made() {
        YearMonth month = YearMonth.of(2013, 9);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long id = fixtures.newCustomer();
            customers.add(id);
            if (i != 4) {
                fixtures.importDays(id, LocalDate.of(2013, 9, 1 + i), LocalDate.of(2013, 9, 2 + i));
            }
        }
        create(month, 50);

        batch.work("node-p", 4);
        MonthlyReportBatch.Progress done = batch.progress(month.toString());
        assertTrue(done.finished());
        assertEquals(8, done.made(), "every customer with data in the month, the one without none");
        assertEquals(0, done.failed(), "the worker threads reach the services (request context, transactions)");
        for (long id : customers) {
            assertEquals(id == customers.get(4) ? 0 : 1, reportsOf(id, month), "customer " + id);
            assertEquals(id == customers.get(4) ? 0 : 1, noticeInbox.history(ReportFixtures.SYSTEM, id, 0, 50).stream()
                    .filter(m -> "REPORT".equals(m.purpose())).map(m -> m.noticeId()).distinct().count(),
                    "one report-ready notice for customer " + id);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch_chunk c set "
                + "finished_at = null, worker = null, cursor_id = c.after_id from report_batch b "
                + "where b.id = c.batch_id and b.period = '2013-09'").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch set finished_at = null "
                + "where period = '2013-09'").executeUpdate());
        batch.work("node-q", 4);
        MonthlyReportBatch.Progress again = batch.progress(month.toString());
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
