package cn.keyaccount.base;

import cn.keyaccount.customer.CustomerExcel;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.outage.ComplianceWorkbook;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.FleetSchedule;
import cn.keyaccount.support.ExportStream;
import cn.keyaccount.visit.VisitExcel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the suite; run it with {@code bench/exports}): issue 16 item 1.
 * Every export of the suite as the supervisor over its largest everyday period — the visit export of the visit
 * dashboard's default quarter and of the longest period it allows, every customer, the outage compliance workbook
 * of this month, the fleet schedule of its longest window — three times each (the first one cold), printing the
 * time, the file size and how many writes happened inside a transaction (0 when streamed).
 */
@QuarkusTest
class ExportBenchmark {

    @Inject
    VisitExcel visits;
    @Inject
    CustomerExcel customers;
    @Inject
    ComplianceWorkbook compliance;
    @Inject
    FleetSchedule fleet;
    @Inject
    UserService users;
    @Inject
    Clock clock;

    interface Export {
        void to(OutputStream out) throws IOException;
    }

    @Test
    void exports() throws IOException {
        Viewer supervisor = users.viewer("supervisor");
        LocalDate today = LocalDate.now(clock);
        LocalDate quarterFrom = today.withDayOfMonth(1).minusMonths(2);
        LocalDate quarterTo = today.withDayOfMonth(today.lengthOfMonth());
        System.out.println("EXPORT BENCHMARK (supervisor; " + System.getProperty("keyaccount.demo.customers", "300")
                + " demo customers)");
        run("visits, default quarter " + quarterFrom + ".." + quarterTo,
                out -> visits.export(supervisor, quarterFrom, quarterTo, out));
        run("visits, longest period (400 days)",
                out -> visits.export(supervisor, today.minusDays(365), today.plusDays(35), out));
        run("customers, all", out -> customers.export(supervisor,
                new CustomerSearch(null, null, null, null, null, null), out));
        run("outage compliance, " + YearMonth.now(clock),
                out -> compliance.write(supervisor, YearMonth.now(clock), null, Messages.CHINESE, out));
        run("fleet schedule, 92 days", out -> fleet.write(supervisor, today, 92, Messages.CHINESE, out));
    }

    private static void run(String name, Export export) throws IOException {
        for (int i = 1; i <= 3; i++) {
            ExportStream out = new ExportStream();
            long start = System.nanoTime();
            export.to(out);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("  %-48s run %d: %6d ms, %8d KB, writes in a transaction: %d%n", name, i, ms,
                    out.size() / 1024, out.writesInTransaction());
        }
    }
}
