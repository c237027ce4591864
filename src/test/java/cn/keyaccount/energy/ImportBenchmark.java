package cn.keyaccount.energy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test; run by bench/import-speed): the reading import stage by stage (issue 17). Prints, for a CSV
 * of {@code bench.import.meters} × {@code bench.import.days} × 96 readings (default 275 × 379 ≈ 10 million, ordered by
 * meter and time as exports are):
 * <ol>
 *   <li>the old parse (commons-csv through a Reader), for comparison;</li>
 *   <li>split into cells (the byte tokenizer alone);</li>
 *   <li>cells, timestamps and numbers (everything a row's checks read);</li>
 *   <li>the whole import through {@code ReadingImporter}, with the time spent sending COPY rows and in the final
 *       checks and replacement (the rest is parsing, checking and grouping into meter-days);</li>
 *   <li>a province's day: one file of {@code bench.import.day-meters} meters × 96 readings (default 104,167, 10
 *       million readings) for meters already known;</li>
 *   <li>an XLSX of {@code bench.import.xlsx-rows} readings (default 1,000,000), streamed;</li>
 * </ol>
 * with the largest heap in use during each import and the load average before and after.
 */
@QuarkusTest
class ImportBenchmark {

    static final int METERS = Integer.getInteger("bench.import.meters", 275);
    static final int DAYS = Integer.getInteger("bench.import.days", 379);
    static final int DAY_METERS = Integer.getInteger("bench.import.day-meters", 104_167);
    static final int XLSX_ROWS = Integer.getInteger("bench.import.xlsx-rows", 1_000_000);
    /** "xlsx" measures the XLSX stages only (no CSV, no province's day). */
    static final String ONLY = System.getProperty("bench.import.only", "");
    static final LocalDate START = LocalDate.of(2025, 1, 1);

    @Inject
    ReadingImporter importer;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void print_figures() throws Exception {
        System.out.printf("%nIMPORT BENCHMARK %s, %d cores, max heap %d MB, load average %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
        if (!ONLY.equals("xlsx")) {
            csvStages();
        }
        xlsxStages();
        System.out.printf("load average after: %s%n%n", load());
    }

    private void csvStages() throws Exception {
        long customer = customerWithoutMeters();
        Path csv = Files.createTempFile("import-bench", ".csv");
        long rows = writeCsv(csv, METERS, DAYS, "BENCH-");
        System.out.printf("CSV: %,d readings, %,d MB%n", rows, Files.size(csv) >> 20);

        long t = System.nanoTime();
        long n = 0;
        try (CSVParser p = CSVParser.parse(new InputStreamReader(new BufferedInputStream(Files.newInputStream(csv),
                1 << 16), StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true)
                .setTrim(true).get())) {
            for (CSVRecord r : p) {
                n += r.size();
            }
        }
        stage("before: commons-csv parse", rows, t);

        t = System.nanoTime();
        try (InputStream in = Files.newInputStream(csv)) {
            CsvReadings.Tokens tokens = new CsvReadings.Tokens(in, StandardCharsets.UTF_8);
            while (tokens.next()) {
                n += tokens.count;
            }
        }
        stage("1 split into cells (byte tokenizer)", rows, t);

        t = System.nanoTime();
        AtomicLong sum = new AtomicLong();
        try (InputStream in = Files.newInputStream(csv)) {
            new CsvReadings(in).forEach(new ReadingImporter.RowSink() {
                @Override
                public void accept(ReadingImporter.Row r) {
                    long s = ReadingTime.fastSeconds(r.time());
                    sum.addAndGet(s + (long) Decimals.parse(r.kwh()) + (long) Decimals.parse(r.kvarh()));
                }

                @Override
                public void problem(ImportReport.Kind kind, long rowNo, String detail) {
                }
            });
        }
        stage("2 cells + timestamps + numbers", rows, t);

        importAndPrint("3 whole import (CSV, meters new)", customer, csv, rows);
        importAndPrint("3 whole import again (same days replaced)", customer, csv, rows);
        Files.delete(csv);

        Path day = Files.createTempFile("import-bench-day", ".csv");
        long dayRows = writeCsv(day, DAY_METERS, 1, "DAY-");
        long dayCustomer = customerWithoutMeters();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into meter (customer_id, meter_no, name) select " + dayCustomer + ", 'DAY-' || m, "
                    + "'DAY-' || m from generate_series(0, " + (DAY_METERS - 1) + ") m");
            // known meters have statistics (autovacuum analyses a table within a minute of such a change)
            s.execute("analyze meter");
        }
        System.out.printf("province's day: %,d meters × 96 = %,d readings, %,d MB%n", DAY_METERS, dayRows,
                Files.size(day) >> 20);
        importAndPrint("4 a province's day (meters known)", dayCustomer, day, dayRows);
        Files.delete(day);
    }

    /**
     * The XLSX path stage by stage, before (POI's SAX handler through SheetRows, as the import read XLSX until
     * issue 17) and after (SheetCells): unpacking, inflating the sheet XML alone, scanning it into cells, cells to
     * text, timestamps and numbers, and the whole import (grouping and COPY as printed).
     */
    private void xlsxStages() throws Exception {
        Path xlsx = Files.createTempFile("import-bench", ".xlsx");
        long t = System.nanoTime();
        writeXlsx(xlsx, XLSX_ROWS);
        System.out.printf("XLSX: %,d readings, %,d MB, written in %.1f s%n", XLSX_ROWS, Files.size(xlsx) >> 20,
                (System.nanoTime() - t) / 1e9);
        int rows = XLSX_ROWS;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();

        long cpu = threads.getCurrentThreadCpuTime();
        t = System.nanoTime();
        AtomicLong sum = new AtomicLong();
        cn.keyaccount.base.SheetRows.read(xlsx, cn.keyaccount.base.SheetRows.EXCEL_MAX_ROWS, XlsxReadings::text,
                (rowNo, cells) -> sum.addAndGet(cells.size()));
        xstage("X before: POI SAX (SheetRows), rows as text", rows, t, cpu);

        cpu = threads.getCurrentThreadCpuTime();
        t = System.nanoTime();
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(xlsx.toFile(),
                org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            var reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            reader.getStylesTable();
            reader.getSharedStringsTable();
            xstage("X1 unzip: open the package, styles, shared strings", rows, t, cpu);
            cpu = threads.getCurrentThreadCpuTime();
            t = System.nanoTime();
            try (InputStream sheet = reader.getSheetsData().next()) {
                byte[] b = new byte[1 << 16];
                long bytes = 0;
                for (int n; (n = sheet.read(b)) > 0; ) {
                    bytes += n;
                }
                System.out.printf("sheet XML: %,d MB unpacked%n", bytes >> 20);
            }
            xstage("X2 inflate the sheet XML (read to its end)", rows, t, cpu);
        }

        cpu = threads.getCurrentThreadCpuTime();
        t = System.nanoTime();
        cn.keyaccount.base.SheetCells.read(xlsx, cn.keyaccount.base.SheetRows.EXCEL_MAX_ROWS, XlsxReadings::text,
                (rowNo, cells) -> sum.addAndGet(cells.size()));
        xstage("X3 + scan the XML into cells (bytes)", rows, t, cpu);

        cpu = threads.getCurrentThreadCpuTime();
        t = System.nanoTime();
        try (InputStream in = Files.newInputStream(xlsx)) {
            new XlsxReadings(in).forEach(new ReadingImporter.RowSink() {
                @Override
                public void accept(ReadingImporter.Row r) {
                    long s = ReadingTime.fastSeconds(r.time());
                    sum.addAndGet(s + (long) Decimals.parse(r.kwh()) + (long) Decimals.parse(r.kvarh())
                            + r.meterNo().length());
                }

                @Override
                public void problem(ImportReport.Kind kind, long rowNo, String detail) {
                }
            });
        }
        xstage("X4 + cells to text, timestamps, numbers (rows)", rows, t, cpu);

        long customer = customerWithoutMeters();
        importAndPrint("X before: whole XLSX import through SheetRows", customer, xlsx, rows, this::poiSource);
        deleteMeters(customer);
        importAndPrint("X5 whole XLSX import (SheetCells)", customer, xlsx, rows, null);
        Files.delete(xlsx);
    }

    /** The XLSX rows as the import read them before issue 17: POI's SAX handler through SheetRows. */
    private ReadingImporter.RowSource poiSource(InputStream in) {
        return sink -> {
            CsvReadings.Columns[] columns = {null};
            cn.keyaccount.base.SheetRows.read(in, cn.keyaccount.base.SheetRows.EXCEL_MAX_ROWS, XlsxReadings::text,
                    (rowNo, cells) -> {
                        if (columns[0] == null) {
                            columns[0] = CsvReadings.Columns.of(cells);
                            return;
                        }
                        sink.accept(columns[0].row(rowNo, cells));
                    });
        };
    }

    private static void xstage(String what, long rows, long t0, long cpu0) throws Exception {
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("%-50s %6.2f s = %,10.0f readings/s; thread CPU %.2f s = %,10.0f readings per CPU-second; "
                + "load %s%n", what, s, rows / s, cpu, rows / cpu, load());
    }

    private void importAndPrint(String what, long customer, Path file, long rows) throws Exception {
        importAndPrint(what, customer, file, rows, null);
    }

    private void importAndPrint(String what, long customer, Path file, long rows,
                                java.util.function.Function<InputStream, ReadingImporter.RowSource> source)
            throws Exception {
        HeapSampler heap = new HeapSampler();
        long postmaster = postmaster();
        long pgCpu = pgCpuTicks(postmaster);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long threadCpu = threads.getCurrentThreadCpuTime();
        long processCpu = os.getProcessCpuTime();
        long t = System.nanoTime();
        ImportReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            report = importer.importFile(customer, file.getFileName().toString(), source != null ? source.apply(in)
                    : ReadingImporter.sourceFor(file.getFileName().toString(), in));
        }
        double s = (System.nanoTime() - t) / 1e9;
        double thread = (threads.getCurrentThreadCpuTime() - threadCpu) / 1e9;
        double process = (os.getProcessCpuTime() - processCpu) / 1e9;
        double pg = (pgCpuTicks(postmaster) - pgCpu) / 100.0;
        long[] stages = importer.lastStages();
        System.out.printf("%-45s %6.2f s = %,10.0f readings/s (accepted %s, %,d meter-days, %d errors, %d warnings); "
                        + "of it sending COPY rows %.2f s, look-ups (stored days, new meters, months) %.2f s, final "
                        + "checks and replace %.2f s, parse + checks + grouping %.2f s; CPU: importing thread %.2f s, "
                        + "JVM %.2f s, PostgreSQL %.2f s; heap in use at most %d MB; load %s%n", what, s, rows / s,
                report.accepted(), report.meterDays(), report.errors(), report.warnings(), stages[0] / 1e9,
                stages[2] / 1e9, stages[1] / 1e9, s - (stages[0] + stages[1] + stages[2]) / 1e9, thread, process, pg,
                heap.stop() >> 20, load());
    }

    /** The embedded PostgreSQL's server process: the parent of this connection's backend. */
    private long postmaster() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            String stat = Files.readString(Path.of("/proc/" + rs.getInt(1) + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
    }

    /** CPU ticks (1/100 s) of the PostgreSQL server and its processes, living and ended. */
    private static long pgCpuTicks(long postmaster) throws Exception {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    if (pid == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14]);
                    } else if (Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static void stage(String what, long rows, long t0) throws Exception {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-45s %6.2f s = %,10.0f readings/s; load %s%n", what, s, rows / s, load());
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** Readings with a daily shape, ordered by meter and time, as a metering export writes them. */
    private static long writeCsv(Path file, int meters, int days, String prefix) throws Exception {
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("表号,时间,有功电量kWh,无功电量kvarh\n");
            StringBuilder line = new StringBuilder(64);
            for (int m = 0; m < meters; m++) {
                String meter = prefix + m;
                LocalDateTime t = START.atStartOfDay();
                for (int i = 1; i <= days * 96; i++) {
                    int k = (i - 1) % 96;
                    double kwh = 50 + m % 7 * 10 + (k >= 32 && k < 88 ? 60 : 0) + (i * 7919 % 97) / 10.0;
                    LocalDateTime end = t.plusMinutes(15L * i);
                    line.setLength(0);
                    line.append(meter).append(',').append(end.toLocalDate()).append(' ');
                    int hh = end.getHour();
                    int mm = end.getMinute();
                    line.append(hh < 10 ? "0" : "").append(hh).append(mm < 10 ? ":0" : ":").append(mm).append(',')
                            .append(Math.round(kwh * 100) / 100.0).append(',')
                            .append(Math.round(kwh * 45) / 100.0).append('\n');
                    w.append(line);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void writeXlsx(Path file, int rows) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            var sheet = wb.createSheet("readings");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("表号");
            header.createCell(1).setCellValue("时间");
            header.createCell(2).setCellValue("有功");
            header.createCell(3).setCellValue("无功");
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            int meters = Math.max(1, rows / (96 * 365));
            int perMeter = (rows + meters - 1) / meters;
            for (int i = 0; i < rows; i++) {
                int m = i / perMeter;
                int k = i % perMeter + 1;
                var row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("XLSX-" + m);
                var cell = row.createCell(1);
                cell.setCellValue(START.atStartOfDay().plusMinutes(15L * k));
                cell.setCellStyle(style);
                row.createCell(2).setCellValue(50 + (k * 7919 % 97) / 10.0);
                row.createCell(3).setCellValue(20 + (k * 31 % 13) / 10.0);
            }
            wb.write(out);
        }
    }

    /** The customer's meters and their days, so that the same file imports again as new days. */
    private void deleteMeters(long customer) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from meter_day where meter_id in (select id from meter where customer_id = " + customer
                    + ")");
            s.execute("delete from meter where customer_id = " + customer);
        }
    }

    private long customerWithoutMeters() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select c.id from customer c where not exists (select 1 from meter m "
                     + "where m.customer_id = c.id) order by c.id limit 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The largest heap in use, sampled every 20 ms on a thread of its own. */
    private static final class HeapSampler {
        private volatile boolean running = true;
        private final AtomicLong max = new AtomicLong();
        private final Thread thread;

        HeapSampler() {
            Runtime rt = Runtime.getRuntime();
            thread = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return max.get();
        }
    }
}
