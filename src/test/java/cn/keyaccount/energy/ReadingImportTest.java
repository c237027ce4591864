package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadingImportTest {

    private static final AtomicInteger METERS = new AtomicInteger();
    private static final LocalDate DAY = LocalDate.of(2019, 3, 1);

    @Inject
    EnergyService energy;
    @Inject
    IntervalStore store;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;
    @Inject
    ReadingImporter importer;
    @Inject
    AgroalDataSource dataSource;

    private Viewer manager() {
        return users.viewer("manager");
    }

    private long customerOfManager() {
        CustomerRow row = customers.search(manager(), CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).get(0);
        return row.id();
    }

    private static String meterNo() {
        return "T" + ProcessHandle.current().pid() + "-" + METERS.incrementAndGet();
    }

    /** A day of one meter: value kwh in every quarter hour, kvarh half of it, times at the interval's end. */
    private static StringBuilder day(StringBuilder csv, String meter, LocalDate day, String kwh) {
        LocalDateTime t = day.atStartOfDay();
        for (int k = 1; k <= 96; k++) {
            csv.append(meter).append(',').append(t.plusMinutes(15L * k).toString().replace('T', ' ')).append(',')
                    .append(kwh).append(',').append(Double.parseDouble(kwh) / 2).append('\n');
        }
        return csv;
    }

    private ImportReport importCsv(long customer, String text, Charset charset) {
        return energy.importReadings(manager(), customer, "test.csv",
                new ByteArrayInputStream(text.getBytes(charset)));
    }

    @Test
    void a_utf8_file_is_stored_as_meter_days_with_its_duplicates_and_gaps_reported() {
        long customer = customerOfManager();
        String meter = meterNo();
        StringBuilder csv = new StringBuilder("meter_no,time,kwh,kvarh\n");
        day(csv, meter, DAY, "10");
        // the second day lacks 01:00 and repeats 02:00 with the same values
        StringBuilder second = day(new StringBuilder(), meter, DAY.plusDays(1), "20");
        String text = second.toString().replace(meter + "," + DAY.plusDays(1) + " 01:00,20,10.0\n", "")
                + meter + "," + DAY.plusDays(1) + " 02:00,20,10.0\n";
        csv.append(text);
        ImportReport r = importCsv(customer, csv.toString(), StandardCharsets.UTF_8);
        assertTrue(r.accepted(), r.toString());
        assertEquals(192, r.rows());
        assertEquals(2, r.meterDays());
        assertEquals(DAY, r.firstDay());
        assertEquals(0, r.errors());
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == ImportReport.Kind.DUPLICATE && i.row() == 193));
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == ImportReport.Kind.GAP
                && i.at().equals(DAY.plusDays(1) + "T01:00") && i.detail().equals("1")));
        IntervalSeries s = store.customerSeries(customer, DAY, DAY.plusDays(1));
        assertEquals(10f, s.kwh()[0]);
        assertEquals(5f, s.kvarh()[95]);
        assertEquals(20f, s.kwh()[96]);
        assertTrue(Float.isNaN(s.kwh()[96 + 3])); // 00:45-01:00 of the second day
    }

    @Test
    void a_gbk_file_with_chinese_headers_is_detected_and_read() {
        long customer = customerOfManager();
        String meter = meterNo();
        StringBuilder csv = new StringBuilder("电表编号,数据时间,正向有功电量(kWh),正向无功电量(kvarh)\n");
        day(csv, meter, DAY.plusDays(10), "4");
        ImportReport r = importCsv(customer, csv.toString(), Charset.forName("GBK"));
        assertTrue(r.accepted(), r.toString());
        assertEquals(96, r.rows());
        assertTrue(store.meters(customer).stream().anyMatch(m -> m.meterNo().equals(meter) && m.days() == 1));
    }

    @Test
    void a_file_with_a_negative_value_or_a_conflicting_duplicate_stores_nothing() {
        long customer = customerOfManager();
        String meter = meterNo();
        StringBuilder csv = new StringBuilder("meter,time,kWh,kvarh\n");
        day(csv, meter, DAY.plusDays(20), "3");
        csv.append(meter).append(',').append(DAY.plusDays(20)).append(" 12:00,-1,0\n");
        csv.append(meter).append(',').append(DAY.plusDays(20)).append(" 13:00,7,0\n");
        ImportReport r = importCsv(customer, csv.toString(), StandardCharsets.UTF_8);
        assertFalse(r.accepted());
        assertEquals(0, r.meterDays());
        assertEquals(2, r.errors());
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == ImportReport.Kind.NEGATIVE && i.row() == 98));
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == ImportReport.Kind.DUPLICATE_CONFLICT
                && i.row() == 99 && i.detail().equals("row 53")));
        assertTrue(store.meters(customer).stream().noneMatch(m -> m.meterNo().equals(meter)));
    }

    @Test
    void re_importing_a_day_replaces_it() {
        long customer = customerOfManager();
        String meter = meterNo();
        LocalDate d = DAY.plusDays(30);
        assertTrue(importCsv(customer, day(new StringBuilder("meter,time,kwh,kvarh\n"), meter, d, "1").toString(),
                StandardCharsets.UTF_8).accepted());
        assertTrue(importCsv(customer, day(new StringBuilder("meter,time,kwh,kvarh\n"), meter, d, "2").toString(),
                StandardCharsets.UTF_8).accepted());
        IntervalSeries s = store.customerSeries(customer, d, d);
        assertEquals(2f, s.kwh()[0]);
        assertEquals(2f, s.kwh()[95]);
    }

    @Test
    void an_xlsx_export_with_date_cells_is_read_by_the_streaming_reader() throws Exception {
        long customer = customerOfManager();
        String meter = meterNo();
        LocalDate d = DAY.plusDays(40);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("数据");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("表号");
            h.createCell(1).setCellValue("时间");
            h.createCell(2).setCellValue("有功(kWh)");
            h.createCell(3).setCellValue("无功(kvarh)");
            for (int k = 1; k <= 96; k++) {
                Row r = sheet.createRow(k);
                r.createCell(0).setCellValue(meter);
                r.createCell(1).setCellValue(d.atStartOfDay().plusMinutes(15L * k));
                r.getCell(1).setCellStyle(date);
                r.createCell(2).setCellValue(k == 50 ? 100.0 : 2.5);
                r.createCell(3).setCellValue(1.25);
            }
            wb.write(out);
        }
        ImportReport r = energy.importReadings(manager(), customer, "export.xlsx",
                new ByteArrayInputStream(out.toByteArray()));
        assertTrue(r.accepted(), r.toString());
        assertEquals(96, r.rows());
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == ImportReport.Kind.SPIKE && i.row() == 51));
        IntervalSeries s = store.customerSeries(customer, d, d);
        assertEquals(2.5f, s.kwh()[0]);
        assertEquals(100f, s.kwh()[49]);
    }

    @Test
    void an_xlsx_whose_sheet_is_cut_short_is_unreadable_at_its_sheet_and_row_and_nothing_is_stored() throws Exception {
        long customer = customerOfManager();
        String meter = meterNo();
        LocalDate d = DAY.plusDays(41);
        List<List<String>> rows = new ArrayList<>(List.of(List.of("表号", "时间", "有功")));
        for (int k = 1; k <= 96; k++) {
            rows.add(List.of(meter, d.atStartOfDay().plusMinutes(15L * k).toString().replace('T', ' '), "1.5"));
        }
        byte[] whole = cn.keyaccount.support.CraftedFiles.xlsx(rows);
        // the sheet's XML ends inside row 50: a file broken in transfer, whose zip is still readable
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(whole));
             var zip = new java.util.zip.ZipOutputStream(cut)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    data = xml.substring(0, xml.indexOf("<row r=\"50\"") + 20).getBytes(StandardCharsets.UTF_8);
                }
                zip.write(data);
                zip.closeEntry();
            }
        }

        ImportReport r = energy.importReadings(manager(), customer, "cut.xlsx",
                new ByteArrayInputStream(cut.toByteArray()));

        assertFalse(r.accepted());
        ImportReport.Issue issue = r.issues().stream().filter(i -> i.kind() == ImportReport.Kind.UNREADABLE)
                .findFirst().orElseThrow(() -> new AssertionError(r.toString()));
        assertEquals(50, issue.row());
        assertTrue(issue.detail().startsWith("sheet 'data', row 50"), issue.detail());
        assertTrue(Float.isNaN(store.customerSeries(customer, d, d).kwh()[0]));
    }

    @Test
    void a_meter_of_another_customer_is_refused_and_a_read_only_viewer_may_not_import() {
        long customer = customerOfManager();
        String meter = meterNo();
        assertTrue(importCsv(customer, day(new StringBuilder("meter,time,kwh\n"), meter, DAY, "1")
                .toString().replace(",0.5\n", "\n"), StandardCharsets.UTF_8).accepted());
        long other = customers.search(manager(), CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 1, 1).get(0).id();
        ImportReport r = importCsv(other, day(new StringBuilder("meter,time,kwh,kvarh\n"), meter, DAY, "1").toString(),
                StandardCharsets.UTF_8);
        assertFalse(r.accepted());
        assertEquals(ImportReport.Kind.FOREIGN_METER, r.issues().getFirst().kind());
        BusinessException e = assertThrows(BusinessException.class, () -> energy.importReadings(
                users.viewer("mgr02"), customer, "x.csv", new ByteArrayInputStream(new byte[0])));
        assertEquals(BusinessException.Kind.NOT_FOUND, e.kind());
    }

    /** A day of readings for the meter, then a wait at the barrier: the other import has read its rows too. */
    private static ReadingImporter.RowSource dayThenWait(String meter, LocalDate day, CyclicBarrier barrier) {
        return sink -> {
            LocalDateTime t = day.atStartOfDay();
            for (int k = 1; k <= 96; k++) {
                sink.accept(new ReadingImporter.Row(k + 1, meter, t.plusMinutes(15L * k).toString().replace('T', ' '),
                        "1.5", "0.5"));
            }
            try {
                barrier.await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void two_imports_making_new_meters_in_a_new_month_at_once_both_store_their_days() throws Exception {
        long first = customerOfManager();
        long second = customers.search(manager(), CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 1, 1).get(0).id();
        // a month no other test writes: each import makes it (or finds it made) after making its meter
        LocalDate day = LocalDate.of(2011, 1 + (int) (ProcessHandle.current().pid() % 12), 7);
        String a = meterNo();
        String b = meterNo();
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ImportReport> ra = pool.submit(() -> importer.importFile(first, "a.csv", dayThenWait(a, day, barrier)));
            Future<ImportReport> rb = pool.submit(() -> importer.importFile(second, "b.csv", dayThenWait(b, day, barrier)));
            ImportReport reportA = ra.get(120, TimeUnit.SECONDS);
            ImportReport reportB = rb.get(120, TimeUnit.SECONDS);
            assertTrue(reportA.accepted(), reportA.toString());
            assertTrue(reportB.accepted(), reportB.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1.5f, store.customerSeries(first, day, day).kwh()[0]);
        assertEquals(1.5f, store.customerSeries(second, day, day).kwh()[95]);
    }

    @Test
    void a_file_of_many_new_meters_makes_them_all_and_refuses_another_customers_meter_at_its_row() {
        long customer = customerOfManager();
        long other = customers.search(manager(), CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 1, 1).get(0).id();
        String foreign = meterNo();
        assertTrue(importCsv(other, day(new StringBuilder("meter,time,kwh,kvarh\n"), foreign, DAY, "1").toString(),
                StandardCharsets.UTF_8).accepted());
        LocalDate d = DAY.plusDays(50);
        String prefix = meterNo() + "-";
        int meters = 12_500; // more than ReadingImporter.PENDING_METERS: made in two rounds
        StringBuilder csv = new StringBuilder("meter,time,kwh,kvarh\n");
        for (int m = 0; m < meters; m++) {
            // the day's first quarter hour only: the rest of each day is a gap (a warning)
            csv.append(prefix).append(m).append(',').append(d).append(" 00:15,2,1\n");
        }
        ImportReport stored = importCsv(customer, csv.toString(), StandardCharsets.UTF_8);
        assertTrue(stored.accepted(), stored.toString());
        assertEquals(meters, stored.meterDays());
        assertTrue(stored.meters() >= meters, stored.toString());
        List<String> numbers = new ArrayList<>();
        store.meters(customer).forEach(m -> numbers.add(m.meterNo()));
        assertTrue(numbers.contains(prefix + 0) && numbers.contains(prefix + (meters - 1)));
        assertEquals(2f, store.customerSeries(customer, d, d).kwh()[0] / meters, 1e-3);
        // the meter table was analysed with its new meters before their days were written (foreign-key checks by index)
        long[] counted = meterCountAndEstimate();
        assertTrue(counted[1] >= counted[0] * 0.9, "meters " + counted[0] + ", estimated " + counted[1]);

        // a foreign meter among new ones: an error at the row it first appears on; nothing is stored
        StringBuilder mixed = new StringBuilder("meter,time,kwh,kvarh\n");
        day(mixed, prefix + "x1", d, "3");
        day(mixed, foreign, d, "3");
        day(mixed, prefix + "x2", d, "3");
        ImportReport refused = importCsv(customer, mixed.toString(), StandardCharsets.UTF_8);
        assertFalse(refused.accepted());
        assertEquals(1, refused.errors(), refused.toString());
        ImportReport.Issue issue = refused.issues().stream()
                .filter(i -> i.severity() == ImportReport.Severity.ERROR).findFirst().orElseThrow();
        assertEquals(ImportReport.Kind.FOREIGN_METER, issue.kind());
        assertEquals(98, issue.row());
        assertEquals(foreign, issue.meterNo());
        assertTrue(store.meters(customer).stream().noneMatch(m -> m.meterNo().equals(prefix + "x1")));
    }

    private long[] meterCountAndEstimate() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from meter), "
                     + "(select reltuples::bigint from pg_class where oid = 'meter'::regclass)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
