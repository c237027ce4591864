package cn.keyaccount.base;

import cn.keyaccount.billing.BillingService;
import cn.keyaccount.customer.CustomerExcel;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.outage.MaintenancePlanImport;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name keeps it out of the suite; run it with {@code bench/imports}): issue 15 item 4.
 * For each XLSX import (bills, maintenance plan, customers, meter readings) it builds a workbook whose first sheet
 * unpacks to about 94 MB of XML (the size of the file that took the process from 1.3 to 2.8 GB), sends it through
 * the real import path (the service the upload and REST call) and prints the heap in use before; the live heap at
 * its largest (a full GC every 250 ms during the import, then the heap in use: what the import really holds); the
 * heap in use sampled every 10 ms (garbage included); and the process's resident memory. Target: the live heap rises
 * by less than 100 MB.
 */
@QuarkusTest
class ImportMemoryBenchmark {

    static final long SHEET_XML_BYTES = Long.getLong("bench.sheet-mb", 94) << 20;
    /** Which imports to run (comma-separated: bills, plan, customers, readings), all by default. */
    static final String ONLY = System.getProperty("bench.only", "bills,plan,customers,readings");

    @Inject
    BillingService billing;
    @Inject
    MaintenancePlanImport plans;
    @Inject
    CustomerExcel customerExcel;
    @Inject
    EnergyService energy;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    @Test
    void print_figures() throws Exception {
        System.out.printf("%nIMPORT MEMORY BENCHMARK %s, %d cores, load average %s, max heap %d MB%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim(), Runtime.getRuntime().maxMemory() >> 20);
        Viewer system = Viewer.system();
        Viewer supervisor = users.viewer("supervisor");
        List<CustomerRow> some = customers.search(system, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 300);
        long manager = customers.search(users.viewer("manager"), CustomerSearch.all(), CustomerSearch.Order.DEFAULT,
                0, 1).getFirst().id();

        if (ONLY.contains("bills")) {
            bills(system, some);
        }
        if (ONLY.contains("plan")) {
            plan(system);
        }
        if (ONLY.contains("customers")) {
            customers(supervisor);
        }
        if (ONLY.contains("readings")) {
            readings(manager);
        }
    }

    private void bills(Viewer system, List<CustomerRow> some) throws Exception {
        byte[] bills = workbook(List.of("户号", "账期", "尖峰电量", "峰电量", "平电量", "谷电量", "基本电费", "力调电费",
                "电费合计", "缴费截止日"), r -> List.of(some.get(r % some.size()).accountNo(), "2999-01", 1, 2, 3, 4,
                10, 0, 20, "2030-01-01"));
        measure("bills", bills, () -> billing.importBills(system, "bench-bills.xlsx", bills).problems().stream()
                .limit(1).toList());

    }

    private void plan(Viewer system) throws Exception {
        byte[] plan = workbook(List.of("工作内容", "线路", "开始时间", "结束时间", "停电原因"),
                r -> List.of("检修 " + r, "L01", "2030-03-02 08:00", "2030-03-02 18:00", "计划检修"));
        measure("maintenance plan", plan, () -> plans.importPlan(system, "bench-plan.xlsx", plan).problems()
                .stream().limit(1).toList());

    }

    private void customers(Viewer supervisor) throws Exception {
        byte[] customerFile = workbook(CustomerExcel.titles(), r -> List.of(String.valueOf(8_800_000_000L + r),
                "基准测试客户 " + r));
        measure("customers", customerFile, () -> customerExcel.importCustomers(supervisor,
                new ByteArrayInputStream(customerFile), "bench-customers.xlsx").problems().stream().limit(1).toList());

    }

    private void readings(long manager) throws Exception {
        LocalDateTime start = LocalDateTime.of(2014, 1, 1, 0, 0);
        byte[] readings = workbook(List.of("表号", "时间", "有功电量kWh"), r -> List.of("BENCH-" + (r / 35_040),
                start.plusMinutes(15L * (r % 35_040 + 1)).toString().replace('T', ' '), 1));
        measure("meter readings", readings, () -> {
            var report = energy.importReadings(users.viewer("manager"), manager, "bench-readings.xlsx",
                    new ByteArrayInputStream(readings));
            return "accepted=" + report.accepted() + ", rows " + report.rows() + ", meter-days " + report.meterDays()
                    + ", first issues " + report.issues().stream().limit(1).toList();
        });
    }

    /** A workbook of the header and as many rows as make the sheet XML reach {@link #SHEET_XML_BYTES}. */
    private static byte[] workbook(List<String> header, IntFunction<List<?>> row) throws Exception {
        int perRow = sheetBytes(header, row, 2_000) / 2_000;
        int rows = (int) (SHEET_XML_BYTES / perRow);
        Path file = Files.createTempFile("bench-", ".xlsx");
        try {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
                fill(wb.createSheet("data"), header, row, rows);
                wb.write(out);
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
                System.out.printf("workbook: %,d rows, %,d KB on disk, sheet XML %,d MB (deflated %,d KB)%n",
                        rows, Files.size(file) >> 10, sheet.getSize() >> 20, sheet.getCompressedSize() >> 10);
            }
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    private static int sheetBytes(List<String> header, IntFunction<List<?>> row, int rows) throws Exception {
        Path file = Files.createTempFile("bench-", ".xlsx");
        try {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
                fill(wb.createSheet("data"), header, row, rows);
                wb.write(out);
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return (int) zip.getEntry("xl/worksheets/sheet1.xml").getSize();
            }
        } finally {
            Files.delete(file);
        }
    }

    private static void fill(SXSSFSheet sheet, List<String> header, IntFunction<List<?>> row, int rows) {
        Row h = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            h.createCell(c).setCellValue(header.get(c));
        }
        for (int r = 0; r < rows; r++) {
            Row x = sheet.createRow(r + 1);
            List<?> values = row.apply(r);
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) instanceof Number n) {
                    x.createCell(c).setCellValue(n.doubleValue());
                } else {
                    x.createCell(c).setCellValue(String.valueOf(values.get(c)));
                }
            }
        }
    }

    private static void measure(String name, byte[] file, Callable<Object> importing) throws Exception {
        System.gc();
        Thread.sleep(200);
        System.gc();
        long baseline = used();
        long rssBefore = rss();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong afterGc = new AtomicLong(baseline);
        AtomicLong rssPeak = new AtomicLong(rssBefore);
        NotificationListener gcs = (n, h) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long heap = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                afterGc.accumulateAndGet(heap, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(gcs, null, null);
        }
        AtomicLong live = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            for (int tick = 1; !Thread.currentThread().isInterrupted(); tick++) {
                peak.accumulateAndGet(used(), Math::max);
                rssPeak.accumulateAndGet(rss(), Math::max);
                if (tick % 25 == 0) {
                    // a full collection every 250 ms: what is left is what the import really holds
                    System.gc();
                    live.accumulateAndGet(used(), Math::max);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        Object outcome;
        try {
            outcome = importing.call();
        } finally {
            sampler.interrupt();
            sampler.join();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(gcs);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s (%,d KB file): %.1f s; heap before %d MB; LIVE heap (after a full GC every 250 ms) at "
                        + "most %d MB = rise %d MB; sampled heap in use incl. garbage at most %d MB (rise %d MB); largest "
                        + "after a collector's own GC %d MB; RSS %d -> peak %d MB; outcome %s%n",
                name, file.length >> 10, seconds, baseline >> 20, live.get() >> 20,
                Math.max(0, live.get() - baseline) >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20,
                afterGc.get() >> 20, rssBefore >> 20, rssPeak.get() >> 20, outcome);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) << 10;
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }
}
