package cn.keyaccount.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerExcel;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.outage.ComplianceWorkbook;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.FleetSchedule;
import cn.keyaccount.supplyplan.SupplyPlanDocument;
import cn.keyaccount.support.Api;
import cn.keyaccount.visit.VisitExcel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HeaderFooter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * No file the suite generates shows a missing translation ("!" and the key, as {@link Messages} answers for an
 * unknown key, or "??") in any sheet name, cell, header, footer, paragraph, table, chart title or series name, in
 * Chinese or English: the energy-audit workbook and document, the supply-plan document, the fleet schedule, the
 * outage compliance workbook, the customer and visit exports.
 */
@QuarkusTest
class DocumentTextsTest {

    private static final Pattern MISSING = Pattern.compile("![a-z][A-Za-z0-9_-]*\\.[A-Za-z0-9_.-]+|\\?\\?");
    /** Text runs and cached values in a chart part (titles, series names, categories). */
    private static final Pattern CHART_TEXT = Pattern.compile("<(?:a:t|c:v)>([^<]*)</");

    @Inject
    ReportService reports;
    @Inject
    EnergyService energy;
    @Inject
    UserService users;
    @Inject
    SupplyPlanDocument planDocument;
    @Inject
    FleetSchedule fleet;
    @Inject
    ComplianceWorkbook compliance;
    @Inject
    CustomerExcel customerExcel;
    @Inject
    VisitExcel visitExcel;
    @Inject
    EntityManager em;

    @Test
    void no_generated_document_of_the_suite_shows_a_missing_translation_in_either_language() throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        Viewer admin = users.viewer("admin");
        @SuppressWarnings("unchecked")
        List<Number> metered = em.createNativeQuery("select min(c.id) from customer c where exists (select 1 from "
                + "meter m where m.customer_id = c.id) group by c.basic_charge_mode").getResultList();
        for (Number id : metered) {
            YearMonth month = YearMonth.from(energy.coverage(admin, id.longValue()).lastDay());
            for (String language : List.of("zh", "en")) {
                ReportDetails r = reports.generate(admin, id.longValue(), month, language, false,
                        ReportService.Progress.NONE);
                String name = "energy audit " + id + " " + language;
                workbook(name, reports.download(admin, r.id(), ReportFormat.XLSX).content(), found);
                document(name, reports.download(admin, r.id(), ReportFormat.DOCX).content(), found);
            }
        }
        assertTrue(metered.size() >= 3, "reports of each basic-charge mode were made");

        List<Long> plans = Api.as(Login.MANAGER).queryParam("size", 5).get("/api/supply-plans").then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertTrue(!plans.isEmpty(), "the demo has supply plans");
        Viewer manager = users.viewer("manager");
        for (Locale locale : Messages.LOCALES) {
            for (long plan : plans) {
                document("supply plan " + plan + " " + locale, planDocument.write(manager, plan, locale), found);
            }
            LocalDate today = LocalDate.now(ReportService.ZONE);
            ByteArrayOutputStream schedule = new ByteArrayOutputStream();
            fleet.write(users.viewer("scheduler"), today, 14, locale, schedule);
            workbook("fleet schedule " + locale, schedule.toByteArray(), found);
            ByteArrayOutputStream figures = new ByteArrayOutputStream();
            compliance.write(users.viewer("supervisor"), YearMonth.from(today), null, locale, figures);
            workbook("outage compliance " + locale, figures.toByteArray(), found);
        }
        ByteArrayOutputStream customers = new ByteArrayOutputStream();
        customerExcel.export(admin, CustomerSearch.all(), customers);
        workbook("customer export", customers.toByteArray(), found);
        ByteArrayOutputStream visits = new ByteArrayOutputStream();
        LocalDate today = LocalDate.now(ReportService.ZONE);
        visitExcel.export(users.viewer("supervisor"), today.minusDays(30), today, visits);
        workbook("visit export", visits.toByteArray(), found);

        assertTrue(found.isEmpty(), "missing translations (file / place = text): " + found);
    }

    private static void workbook(String name, byte[] xlsx, Map<String, String> found) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet s = wb.getSheetAt(i);
                String where = name + " / " + s.getSheetName();
                look(where + " (sheet name)", s.getSheetName(), found);
                for (HeaderFooter hf : List.of(s.getHeader(), s.getFooter(), s.getOddHeader(), s.getOddFooter(),
                        s.getEvenHeader(), s.getEvenFooter(), s.getFirstHeader(), s.getFirstFooter())) {
                    look(where + " (header/footer)", hf.getLeft() + " " + hf.getCenter() + " " + hf.getRight(), found);
                }
                int rows = 0;
                for (Row row : s) {
                    if (rows++ > 2_000) {
                        break; // the 15-minute rows are numbers and dates written by one loop
                    }
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING || c.getCellType() == CellType.FORMULA
                                && c.getCachedFormulaResultType() == CellType.STRING) {
                            look(where + " " + c.getAddress(), c.getStringCellValue(), found);
                        }
                    }
                }
                XSSFDrawing drawing = s.getDrawingPatriarch();
                if (drawing != null) {
                    for (XSSFChart chart : drawing.getCharts()) {
                        chart(where + " (chart)", chart.getCTChartSpace().xmlText(), found);
                    }
                }
            }
        }
    }

    private static void document(String name, byte[] docx, Map<String, String> found) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            look(name + " (text, tables, headers, footers)", text.getText(), found);
            for (XWPFChart chart : doc.getCharts()) {
                chart(name + " (chart)", chart.getCTChartSpace().xmlText(), found);
            }
        }
    }

    private static void chart(String where, String xml, Map<String, String> found) {
        List<String> texts = new ArrayList<>();
        Matcher m = CHART_TEXT.matcher(xml);
        while (m.find()) {
            texts.add(m.group(1));
        }
        look(where, String.join(" | ", texts), found);
    }

    private static void look(String where, String text, Map<String, String> found) {
        if (text == null) {
            return;
        }
        Matcher m = MISSING.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 30);
            found.put(where, text.substring(from, Math.min(text.length(), m.end() + 30)));
        }
    }
}
