package cn.keyaccount.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.IntervalSeries;
import cn.keyaccount.energy.MonthFigures;
import cn.keyaccount.energy.Recommendation;
import cn.keyaccount.energy.TransformerLoad;
import cn.keyaccount.energy.TouPeriod;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportServiceTest {

    /** One customer-year of data shared by the file tests (made once; the report month is 2016-12). */
    private static long yearCustomer;
    private static final YearMonth YEAR_END = YearMonth.of(2016, 12);

    @Inject
    ReportService reports;
    @Inject
    ReportFixtures fixtures;
    @Inject
    EnergyService energy;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;
    @Inject
    AuditService audit;
    @Inject
    NoticeInbox noticeInbox;
    @Inject
    EntityManager em;

    @BeforeEach
    void aCustomerYear() {
        if (yearCustomer == 0) {
            yearCustomer = fixtures.newCustomer();
            fixtures.importDays(yearCustomer, LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31));
        }
    }

    private Viewer admin() {
        return users.viewer("admin");
    }

    private EnergyAnalyzer.Result dashboard() {
        return energy.analyse(admin(), yearCustomer, LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31));
    }

    @Test
    void the_workbook_holds_the_dashboard_figures_frozen_headers_the_interval_data_and_four_native_charts()
            throws Exception {
        List<String> steps = new ArrayList<>();
        ReportDetails v = reports.generate(admin(), yearCustomer, YEAR_END, "zh", false,
                (key, done, of) -> steps.add(key));
        assertEquals(List.of("report.step.analyse", "report.step.xlsx", "report.step.docx", "report.step.archive",
                "report.step.done"), steps);
        assertEquals(LocalDate.of(2016, 1, 1), v.periodFrom());
        EnergyAnalyzer.Result expected = dashboard();
        byte[] xlsx = reports.download(admin(), v.id(), ReportFormat.XLSX).content();
        keep("energy-audit.xlsx", xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("摘要", "月度电量电费", "分时电量", "负荷曲线", "功率因数", "基本电费方式", "变压器负载", "节能建议",
                    "数据质量", "15分钟数据"), names);
            Sheet summary = wb.getSheet("摘要");
            assertEquals(expected.load().energyKwh(), valueOf(summary, "有功电量"), 0.5, "whole kWh");
            assertEquals(expected.load().maxDemandKw(), valueOf(summary, "最大需量"), 0.01);
            assertEquals(expected.totalYuan().doubleValue(), valueOf(summary, "电费合计"), 0.01);
            assertEquals(expected.health().total(), valueOf(summary, "用电健康评分"), 0);

            XSSFSheet months = wb.getSheet("月度电量电费");
            assertEquals(12, expected.months().size());
            MonthFigures july = expected.months().get(6);
            assertEquals("2016-07", months.getRow(7).getCell(0).getStringCellValue());
            assertEquals((double) expected.wholeByMonth(MonthFigures::kwh).get(july.month()),
                    months.getRow(7).getCell(2).getNumericCellValue());
            assertEquals(july.kwh(), months.getRow(7).getCell(2).getNumericCellValue(), 1);
            assertEquals(july.powerFactor().doubleValue(), months.getRow(7).getCell(5).getNumericCellValue(), 1e-9);
            assertEquals(july.adjustmentYuan().doubleValue(), months.getRow(7).getCell(9).getNumericCellValue(), 1e-9);
            assertNotNull(months.getPaneInformation());
            assertTrue(months.getPaneInformation().isFreezePane(), "frozen header");
            assertTrue(months.getPrintSetup().getLandscape(), "print setup");
            assertEquals("#,##0", months.getRow(7).getCell(2).getCellStyle().getDataFormatString());

            Sheet intervals = wb.getSheet("15分钟数据");
            assertEquals(366 * 96, intervals.getLastRowNum(), "a leap year of quarter hours below the header");
            assertEquals(expected.load().maxDemandKw(), maxColumn(intervals, 3), 0.01);
            assertEquals("时段开始", intervals.getRow(0).getCell(0).getStringCellValue());
            assertTrue(DateUtil.isCellDateFormatted(intervals.getRow(1).getCell(0)), "the start is a date cell");
            assertEquals(LocalDateTime.of(2016, 1, 1, 0, 15), intervals.getRow(2).getCell(0).getLocalDateTimeCellValue());
            assertEquals(LocalDateTime.of(2016, 12, 31, 23, 45),
                    intervals.getRow(366 * 96).getCell(0).getLocalDateTimeCellValue());
            IntervalSeries series = energy.analyseWithSeries(admin(), yearCustomer, LocalDate.of(2016, 1, 1),
                    LocalDate.of(2016, 12, 31)).series();
            Row noon = intervals.getRow(1 + 180 * 96 + 48);
            assertEquals(Math.round(series.kwh()[180 * 96 + 48] * 1000) / 1000.0, noon.getCell(1).getNumericCellValue());
            assertEquals(Math.round(series.kvarh()[180 * 96 + 48] * 1000) / 1000.0, noon.getCell(2).getNumericCellValue());
            assertEquals(Math.round(series.kw(180 * 96 + 48) * 1000) / 1000.0, noon.getCell(3).getNumericCellValue());
            assertEquals(months.getRow(7).getCell(4).getCellStyle().getDataFormatString(),
                    noon.getCell(1).getCellStyle().getDataFormatString(), "the template's decimal style");
            assertTrue(intervals.getPaneInformation().isFreezePane(), "frozen header and time column");

            XDDFChartData monthly = onlyChart(months);
            assertTrue(monthly instanceof XDDFBarChartData);
            List<TouPeriod> periods = java.util.Arrays.stream(TouPeriod.values())
                    .filter(p -> expected.tou().kwh().get(p) > 0).toList();
            assertEquals(periods.size(), monthly.getSeriesCount(), "one series per time-of-use period");
            assertEquals("月度电量电费!$L$2:$L$13",
                    monthly.getSeries(0).getValuesData().getDataRangeReference());
            XDDFChartData pie = onlyChart(wb.getSheet("分时电量"));
            assertTrue(pie instanceof XDDFPieChartData);
            assertEquals(periods.size(), pie.getSeries(0).getValuesData().getPointCount());
            XDDFChartData curves = onlyChart(wb.getSheet("负荷曲线"));
            assertTrue(curves instanceof XDDFLineChartData);
            assertEquals(2, curves.getSeriesCount());
            assertEquals(96, curves.getSeries(0).getValuesData().getPointCount());
            assertTrue(onlyChart(wb.getSheet("功率因数")) instanceof XDDFLineChartData);

            Sheet recs = wb.getSheet("节能建议");
            assertEquals(expected.recommendations().size() + 2, recs.getPhysicalNumberOfRows(), "rows and the total");
            assertTrue(recs.getRow(1).getCell(0).getStringCellValue().contains("kvar"),
                    "the capacitor comes first: " + recs.getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void the_document_has_a_cover_a_table_of_contents_chapters_with_tables_and_native_word_charts()
            throws Exception {
        ReportDetails v = reports.generate(admin(), yearCustomer, YEAR_END, "zh", false, ReportService.Progress.NONE);
        CustomerDetails c = customers.get(admin(), yearCustomer);
        byte[] docx = reports.download(admin(), v.id(), ReportFormat.DOCX).content();
        keep("energy-audit.docx", docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String all = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertTrue(all.contains(c.name()) && all.contains(c.accountNo()), "cover names the customer");
            assertFalse(all.contains("{{"), "every placeholder filled");
            assertTrue(doc.getDocument().xmlText().contains("TOC \\o"), "table-of-contents field");
            List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertEquals(List.of("一、诊断结论与节约潜力", "二、月度电量与电费", "三、分时电量与电费", "四、负荷特性", "五、功率因数与力调电费",
                    "六、基本电费计费方式比较", "七、变压器负载与损耗", "八、节能建议与投资回收", "附录 数据质量"), headings);
            List<XWPFChart> charts = doc.getCharts();
            assertEquals(4, charts.size());
            assertEquals(2, charts.get(2).getChartSeries().getFirst().getSeriesCount(), "typical and max day");
            XWPFTable months = doc.getTables().stream().filter(t -> t.getText().contains("2016-07")).findFirst()
                    .orElseThrow();
            assertEquals(13, months.getNumberOfRows(), "header and twelve months");
            assertTrue(all.contains(String.format("%,.2f", Recommendation.annualSaving(dashboard().recommendations()))),
                    "the findings give the yearly saving");
            XWPFTable recs = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("建议")
                    && t.getRow(0).getTableCells().size() == 4).findFirst().orElseThrow();
            assertTrue(recs.getRow(1).getCell(3).getText().matches("\\d+\\.\\d{2}"), "payback in years");
        }
    }

    @Test
    void every_total_of_the_workbook_is_the_sum_of_its_rows_to_the_cent_and_the_kwh() throws Exception {
        ReportDetails v = reports.generate(admin(), yearCustomer, YEAR_END, "zh", false, ReportService.Progress.NONE);
        byte[] xlsx = reports.download(admin(), v.id(), ReportFormat.XLSX).content();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet months = wb.getSheet("月度电量电费");
            int sumRow = 13; // header, twelve months
            assertEquals("合计", months.getRow(sumRow).getCell(0).getStringCellValue());
            for (int col : new int[] {2, 3}) {
                long sum = 0;
                for (int r = 1; r < sumRow; r++) {
                    double kwh = months.getRow(r).getCell(col).getNumericCellValue();
                    assertEquals(Math.rint(kwh), kwh, "whole units are written, not rounded by the format");
                    sum += (long) kwh;
                }
                assertEquals(sum, months.getRow(sumRow).getCell(col).getNumericCellValue(), "column " + col);
            }
            for (int col = 7; col <= 10; col++) {
                assertEquals(columnSum(months, col, 1, sumRow), yuan(months.getRow(sumRow).getCell(col)),
                        "column " + col);
            }
            for (int r = 1; r < sumRow; r++) {
                double byPeriod = 0;
                for (int col = 11; months.getRow(r).getCell(col) != null; col++) {
                    byPeriod += months.getRow(r).getCell(col).getNumericCellValue();
                }
                assertEquals(months.getRow(r).getCell(2).getNumericCellValue(), byPeriod,
                        "a month's periods add up to its kWh");
            }
            assertTrue(months.getRow(1).getCell(7).getCellStyle().getDataFormatString().endsWith("0.00"),
                    "money cells are numbers shown to the cent");

            Sheet tou = wb.getSheet("分时电量");
            int touSum = 1;
            while (!"合计".equals(tou.getRow(touSum).getCell(0).getStringCellValue())) {
                touSum++;
            }
            assertEquals(columnSum(tou, 1, 1, touSum), BigDecimal.valueOf(
                    tou.getRow(touSum).getCell(1).getNumericCellValue()).setScale(2));
            assertEquals(columnSum(tou, 3, 1, touSum), yuan(tou.getRow(touSum).getCell(3)));
            assertEquals(months.getRow(sumRow).getCell(2).getNumericCellValue(),
                    tou.getRow(touSum).getCell(1).getNumericCellValue(), "one energy total however it is split");
            assertEquals(yuan(months.getRow(sumRow).getCell(7)), yuan(tou.getRow(touSum).getCell(3)),
                    "the periods' charges are the months' as billed");

            Sheet recs = wb.getSheet("节能建议");
            int recSum = recs.getLastRowNum();
            assertEquals(columnSum(recs, 1, 1, recSum), yuan(recs.getRow(recSum).getCell(1)));

            Sheet summary = wb.getSheet("摘要");
            assertEquals(months.getRow(sumRow).getCell(2).getNumericCellValue(), valueOf(summary, "有功电量"));
            assertEquals(yuan(months.getRow(sumRow).getCell(10)),
                    BigDecimal.valueOf(valueOf(summary, "电费合计")).setScale(2, RoundingMode.HALF_UP));
            assertEquals(yuan(recs.getRow(recSum).getCell(1)),
                    BigDecimal.valueOf(valueOf(summary, "建议措施年节约潜力")).setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Test
    void the_transformer_sheet_and_chapter_have_a_row_per_transformer_saying_how_each_was_loaded() throws Exception {
        long id = fixtures.newCustomer();
        long first = em.createQuery("select t.id from Transformer t where t.customer.id = :c", Long.class)
                .setParameter("c", id).getSingleResult();
        fixtures.transformer(id, "2#主变", "630", "0.57", "6.2");
        fixtures.transformer(id, "3#主变", "400", "0.41", "4.52");
        String own = fixtures.importDays(id, LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 31));
        fixtures.importDays(id, LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 31));
        fixtures.mapMeter(own, first);
        EnergyAnalyzer.Result expected = energy.analyse(admin(), id, LocalDate.of(2015, 3, 1),
                LocalDate.of(2015, 3, 31));
        assertEquals(List.of(TransformerLoad.Basis.METERED, TransformerLoad.Basis.SHARED_BY_RATING,
                TransformerLoad.Basis.SHARED_BY_RATING), expected.transformers().stream()
                .map(TransformerLoad::basis).toList());
        ReportDetails v = reports.generate(admin(), id, YearMonth.of(2015, 3), "zh", false, ReportService.Progress.NONE);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                reports.download(admin(), v.id(), ReportFormat.XLSX).content()))) {
            Sheet s = wb.getSheet("变压器负载");
            assertEquals("变压器", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals(List.of("1#主变", "2#主变", "3#主变", "全部变压器合计"), List.of(text(s, 1, 0), text(s, 2, 0),
                    text(s, 3, 0), text(s, 4, 0)));
            assertEquals(List.of("本变压器计量表", "按容量分摊", "按容量分摊", "全部计量表"), List.of(text(s, 1, 1),
                    text(s, 2, 1), text(s, 3, 1), text(s, 4, 1)));
            for (int i = 0; i < 3; i++) {
                TransformerLoad t = expected.transformers().get(i);
                assertEquals(t.ratedKva(), s.getRow(1 + i).getCell(2).getNumericCellValue());
                assertEquals(t.averageLoadRate(), s.getRow(1 + i).getCell(7).getNumericCellValue(), 1e-12);
                assertEquals(t.lossKwh(), s.getRow(1 + i).getCell(10).getNumericCellValue(), 1);
            }
            // the two unmetered ones carry the second meter by rating (630 : 400): the same load rate
            assertEquals(s.getRow(2).getCell(7).getNumericCellValue(), s.getRow(3).getCell(7).getNumericCellValue(),
                    1e-12);
            assertEquals(2280, s.getRow(4).getCell(2).getNumericCellValue());
            assertEquals(expected.transformerTotal().averageLoadRate(), s.getRow(4).getCell(7).getNumericCellValue(),
                    1e-12);
            assertEquals(columnSum(s, 10, 1, 4), BigDecimal.valueOf(s.getRow(4).getCell(10).getNumericCellValue())
                    .setScale(2), "the losses add up");
            assertTrue(text(s, 6, 0).startsWith("按容量分摊"));
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                reports.download(admin(), v.id(), ReportFormat.DOCX).content()))) {
            XWPFTable t = doc.getTables().stream().filter(x -> x.getRow(0).getCell(0).getText().equals("变压器"))
                    .findFirst().orElseThrow();
            assertEquals(5, t.getNumberOfRows(), "header, three transformers, the total");
            assertEquals("2#主变", t.getRow(2).getCell(0).getText());
            assertEquals("按容量分摊", t.getRow(2).getCell(1).getText());
            assertEquals("全部变压器合计", t.getRow(4).getCell(0).getText());
            String all = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertTrue(all.contains("按容量分摊：没有关联计量表的变压器"), "the chapter says how they were loaded");
        }
    }

    private static String text(Sheet s, int row, int col) {
        return s.getRow(row).getCell(col).getStringCellValue();
    }

    private static BigDecimal yuan(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    /** The rows from..to (exclusive) of a column, each taken to the cent, added up in decimal. */
    private static BigDecimal columnSum(Sheet s, int col, int from, int to) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (int r = from; r < to; r++) {
            Cell cell = s.getRow(r).getCell(col);
            if (cell != null) {
                sum = sum.add(yuan(cell));
            }
        }
        return sum;
    }

    @Test
    void english_is_given_on_request_and_reissuing_makes_the_next_issue_with_its_own_checksum() throws Exception {
        ReportDetails first = reports.generate(admin(), yearCustomer, YearMonth.of(2016, 6), "zh", false,
                ReportService.Progress.NONE);
        ReportDetails second = reports.generate(admin(), yearCustomer, YearMonth.of(2016, 6), "en", false,
                ReportService.Progress.NONE);
        assertEquals(first.issue() + 1, second.issue());
        assertEquals("en", second.language());
        ReportFile xlsx = reports.download(admin(), second.id(), ReportFormat.XLSX);
        assertEquals(ReportService.sha256(xlsx.content()), xlsx.sha256());
        assertEquals(xlsx.sha256(), second.files().stream().filter(f -> f.format() == ReportFormat.XLSX)
                .findFirst().orElseThrow().sha256());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            assertEquals("Summary", wb.getSheetName(0));
            assertEquals("15-minute data", wb.getSheetName(9));
        }
        assertTrue(reports.download(admin(), second.id(), ReportFormat.DOCX).fileName().endsWith(".docx"));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update energy_report set generated_by = 'x' where id = ?1").setParameter(1, first.id())
                .executeUpdate()), "the archive is immutable");
    }

    @Test
    void a_customer_lists_and_downloads_only_own_reports_and_the_manager_sees_when() {
        Viewer customer = users.viewer("customer");
        long own = customers.ownAccounts(customer).getFirst().id();
        fixtures.importDays(own, LocalDate.of(2012, 3, 1), LocalDate.of(2012, 3, 3));
        ReportDetails mine = reports.generate(admin(), own, YearMonth.of(2012, 3), "zh", true,
                ReportService.Progress.NONE);
        long other = fixtures.newCustomer();
        fixtures.importDays(other, LocalDate.of(2012, 3, 1), LocalDate.of(2012, 3, 2));
        ReportDetails theirs = reports.generate(admin(), other, YearMonth.of(2012, 3), "zh", false,
                ReportService.Progress.NONE);

        List<Long> listed = reports.list(customer, null, 0, 500).stream().map(ReportDetails::id).toList();
        assertTrue(listed.contains(mine.id()));
        assertFalse(listed.contains(theirs.id()));
        BusinessException absent = assertThrows(BusinessException.class,
                () -> reports.download(customer, theirs.id(), ReportFormat.XLSX));
        assertEquals(BusinessException.Kind.NOT_FOUND, absent.kind());
        assertEquals(BusinessException.Kind.NOT_FOUND, assertThrows(BusinessException.class,
                () -> reports.list(customer, other, 0, 10)).kind());

        assertFalse(reports.get(admin(), mine.id()).downloadedByCustomer());
        reports.download(admin(), mine.id(), ReportFormat.DOCX);
        assertFalse(reports.get(admin(), mine.id()).downloadedByCustomer(), "staff downloads do not count");
        reports.download(customer, mine.id(), ReportFormat.XLSX);
        ReportDetails seen = reports.get(admin(), mine.id());
        assertEquals(1, seen.customerDownloads());
        assertNotNull(seen.firstCustomerDownloadAt());
        assertTrue(audit.find(new AuditQuery(null, own, "customer", "REPORT_DOWNLOADED", null, null), 0, 10)
                .stream().anyMatch(e -> mine.id() == e.entityId()), "the download is audited");
        assertTrue(noticeInbox.history(Viewer.system(), own, 0, 50).stream()
                .anyMatch(m -> "REPORT".equals(m.purpose())), "the customer is told the report is ready");
    }

    @Test
    void only_who_may_change_a_customer_issues_its_reports() {
        Viewer scheduler = users.viewer("scheduler");
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> reports.generate(scheduler, yearCustomer, YEAR_END, "zh", false, ReportService.Progress.NONE))
                .kind());
        Viewer manager = users.viewer("manager");
        assertEquals(BusinessException.Kind.NOT_FOUND, assertThrows(BusinessException.class,
                () -> reports.generate(manager, yearCustomer, YEAR_END, "zh", false, ReportService.Progress.NONE))
                .kind(), "not the manager's customer");
        assertEquals(BusinessException.Kind.VALIDATION, assertThrows(BusinessException.class,
                () -> reports.generate(admin(), yearCustomer, YearMonth.of(2001, 1), "zh", false,
                        ReportService.Progress.NONE)).kind(), "no data in that year");
    }

    /** Kept in target/generated-documents for opening in an office suite. */
    private static void keep(String name, byte[] content) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "generated-documents");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), content);
    }

    private static double valueOf(Sheet s, String label) {
        for (Row r : s) {
            if (r.getCell(0) != null && label.equals(r.getCell(0).getStringCellValue())) {
                return r.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static double maxColumn(Sheet s, int col) {
        double max = 0;
        for (Row r : s) {
            if (r.getRowNum() > 0 && r.getCell(col) != null) {
                max = Math.max(max, r.getCell(col).getNumericCellValue());
            }
        }
        return max;
    }

    private static XDDFChartData onlyChart(Sheet s) {
        List<XSSFChart> charts = ((XSSFSheet) s).getDrawingPatriarch().getCharts();
        assertEquals(1, charts.size(), "one chart on " + s.getSheetName());
        return charts.getFirst().getChartSeries().getFirst();
    }
}
