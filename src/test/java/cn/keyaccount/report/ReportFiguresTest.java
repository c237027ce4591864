package cn.keyaccount.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

/**
 * The energy-audit report of demo customers (one per basic-charge mode), read back from its XLSX and DOCX: every
 * figure shown twice is the same figure (summary and chapter or sheet, workbook and document, REST and file), and
 * every saving is the difference of the rows it is computed from.
 */
@QuarkusTest
class ReportFiguresTest {

    private static final Pattern DIFFERENCE =
            Pattern.compile("([0-9][0-9,]*\\.[0-9]{2}) − ([0-9][0-9,]*\\.[0-9]{2}) = ([0-9][0-9,]*\\.[0-9]{2})");

    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    ReportService reports;
    @Inject
    EnergyService energy;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    @Inject
    ReportFixtures fixtures;
    @Inject
    TransformerService transformers;

    /** A way of billing as the workbook's basic-charge sheet shows it. */
    private record Way(String name, String inputs, BigDecimal total, BigDecimal saving, boolean current,
                       boolean cheapest) {
    }

    @Test
    void every_basic_charge_figure_of_the_demo_reports_is_the_same_in_both_files_and_in_rest_and_every_saving_is_a_difference()
            throws Exception {
        Map<String, Long> byMode = demoCustomersByMode();
        assertTrue(byMode.keySet().containsAll(List.of("CAPACITY", "CONTRACT_DEMAND")),
                "the demo has metered customers billed by capacity and by contract demand: " + byMode);
        for (Map.Entry<String, Long> e : byMode.entrySet()) {
            check(e.getKey(), e.getValue());
        }
    }

    private Map<String, Long> demoCustomersByMode() {
        Map<String, Long> out = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.basic_charge_mode, min(c.id) from customer c "
                + "where exists (select 1 from meter m where m.customer_id = c.id) group by c.basic_charge_mode "
                + "order by 1").getResultList();
        rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
        return out;
    }

    /** Checks the report of the customer's last month; answers the capacity in service of each compared month. */
    private Map<String, BigDecimal> check(String mode, long customerId) throws Exception {
        Map<String, BigDecimal> inService = new LinkedHashMap<>();
        Viewer admin = users.viewer("admin");
        YearMonth month = YearMonth.from(energy.coverage(admin, customerId).lastDay());
        ReportDetails issued = reports.generate(admin, customerId, month, "zh", false, ReportService.Progress.NONE);
        String where = mode + " customer " + customerId + " " + month;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                reports.download(admin, issued.id(), ReportFormat.XLSX).content()));
             XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                     reports.download(admin, issued.id(), ReportFormat.DOCX).content()))) {
            Sheet summary = wb.getSheet("摘要");
            BigDecimal totalYuan = yuan(valueOf(summary, "电费合计"));
            BigDecimal annualSaving = yuan(valueOf(summary, "建议措施年节约潜力"));

            // the report's REST record carries the summary's figures
            assertEquals(totalYuan, issued.totalYuan(), where + ": total charge, REST and workbook");
            assertEquals(annualSaving, issued.savingYuan(), where + ": yearly saving, REST and workbook");
            assertEquals(issued.healthScore(), (int) valueOf(summary, "用电健康评分"), where);
            JsonPath rest = Api.as(Login.ADMIN).get("/api/reports/{id}", issued.id()).then().statusCode(200)
                    .extract().jsonPath().using(DECIMALS);
            assertEquals(0, totalYuan.compareTo(new BigDecimal(rest.getString("totalYuan"))), where);
            assertEquals(0, annualSaving.compareTo(new BigDecimal(rest.getString("savingYuan"))), where);

            // the months: the workbook's sheet and the document's chapter two
            Sheet monthsSheet = wb.getSheet("月度电量电费");
            Map<String, BigDecimal> basicByMonth = new LinkedHashMap<>();
            XWPFTable monthTable = tableAfter(doc, "二、", 0);
            int monthRows = 0;
            for (int r = 1; monthsSheet.getRow(r) != null
                    && monthsSheet.getRow(r).getCell(0).getStringCellValue().matches("\\d{4}-\\d{2}"); r++) {
                Row row = monthsSheet.getRow(r);
                String m = row.getCell(0).getStringCellValue();
                basicByMonth.put(m, yuan(row.getCell(8)));
                XWPFTableRow shown = monthTable.getRow(r);
                assertEquals(m, shown.getCell(0).getText(), where);
                assertEquals(whole(row.getCell(2).getNumericCellValue()), shown.getCell(1).getText(), where + " " + m);
                for (int[] pair : new int[][] {{7, 4}, {8, 5}, {9, 6}, {10, 7}}) {
                    assertEquals(money(yuan(row.getCell(pair[0]))), shown.getCell(pair[1]).getText(),
                            where + " " + m + " column " + pair[0]);
                }
                monthRows++;
            }
            assertEquals(monthRows + 1, monthTable.getNumberOfRows(), where + ": the same months in both files");
            Row monthsSum = monthsSheet.getRow(monthRows + 1);
            assertEquals(totalYuan, yuan(monthsSum.getCell(10)), where + ": summary total is the months' total");
            assertTrue(paragraphs(doc).contains(money(totalYuan)), where + ": the findings give the total charge");

            // recommendations: the workbook's sheet, the document's table, the summary
            Sheet recs = wb.getSheet("节能建议");
            List<BigDecimal> recAmounts = new ArrayList<>();
            for (int r = 1; recs.getRow(r) != null && recs.getRow(r).getCell(1) != null
                    && !"合计".equals(recs.getRow(r).getCell(0).getStringCellValue()); r++) {
                recAmounts.add(yuan(recs.getRow(r).getCell(1)));
            }
            if (!recAmounts.isEmpty()) {
                XWPFTable recTable = tableAfter(doc, "八、", 0);
                BigDecimal rowsSum = recAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                if (recTextsContain(recs, "二选一")) {
                    // ways of cutting the basic charge are alternatives: the total counts the larger only
                    assertTrue(annualSaving.compareTo(rowsSum) < 0, where);
                } else {
                    assertEquals(annualSaving, rowsSum, where);
                }
                for (int i = 0; i < recAmounts.size(); i++) {
                    assertEquals(money(recAmounts.get(i)), recTable.getRow(i + 1).getCell(1).getText(), where);
                }
                assertTrue(paragraphs(doc).contains(money(annualSaving)), where + ": the findings give the saving");
            }

            // the basic-charge sheet: its ways, its saving lines, its months
            Sheet basic = wb.getSheet("基本电费方式");
            if (mode.equals("NONE")) {
                assertEquals("该客户不执行两部制电价，无基本电费。", basic.getRow(0).getCell(0).getStringCellValue(), where);
                assertTrue(chapterText(doc, "六、").contains("该客户不执行两部制电价"), where);
                return inService;
            }
            List<Way> ways = new ArrayList<>();
            for (int r = 1; basic.getRow(r) != null && basic.getRow(r).getCell(0) != null
                    && !basic.getRow(r).getCell(0).getStringCellValue().isEmpty(); r++) {
                Row row = basic.getRow(r);
                ways.add(new Way(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
                        yuan(row.getCell(2)), yuan(row.getCell(3)), "✓".equals(row.getCell(4).getStringCellValue()),
                        "✓".equals(row.getCell(5).getStringCellValue())));
                assertEquals(CellType.FORMULA, row.getCell(3).getCellType(), where + ": the saving is computed");
            }
            assertTrue(ways.size() >= 3, where + ": the current way and at least two others: " + ways);
            Way current = ways.getFirst();
            assertTrue(current.current(), where + ": the current way comes first");
            assertEquals(1, ways.stream().filter(Way::current).count(), where);
            assertEquals(1, ways.stream().filter(Way::cheapest).count(), where);
            Way cheapest = ways.stream().filter(Way::cheapest).findFirst().orElseThrow();
            for (Way w : ways) {
                assertEquals(current.total().subtract(w.total()), w.saving(), where + ": " + w.name()
                        + " saves the current total minus its own");
                assertTrue(cheapest.total().compareTo(w.total()) <= 0, where + ": the cheapest is the least");
                assertFalse(w.name().isBlank() || w.inputs().isBlank(), where + ": each way says its inputs");
            }
            assertEquals(mode.equals("CONTRACT_DEMAND"), current.inputs().contains("申报需量"),
                    where + ": a contract-demand customer is billed on today's declared demand: " + current.inputs());
            BigDecimal currentLine = yuan(valueAfter(basic, "现行方式（"));
            BigDecimal cheapestLine = yuan(valueAfter(basic, "最省方式（"));
            BigDecimal savingLine = yuan(valueAfter(basic, "可节省"));
            assertEquals(current.total(), currentLine, where + ": the current line is the current row");
            assertEquals(cheapest.total(), cheapestLine, where + ": the cheapest line is the ticked row");
            assertEquals(currentLine.subtract(cheapestLine), savingLine, where + ": saving = current − cheapest");

            int header = rowOf(basic, "月份");
            List<String> compared = new ArrayList<>();
            List<BigDecimal> sums = new ArrayList<>(ways.stream().map(w -> BigDecimal.ZERO.setScale(2)).toList());
            int r = header + 1;
            for (; !"合计".equals(basic.getRow(r).getCell(0).getStringCellValue()); r++) {
                Row row = basic.getRow(r);
                String m = row.getCell(0).getStringCellValue();
                compared.add(m);
                assertEquals(basicByMonth.get(m), yuan(row.getCell(5)),
                        where + " " + m + ": the current way's month is the months sheet's basic charge");
                for (int i = 0; i < ways.size(); i++) {
                    sums.set(i, sums.get(i).add(yuan(row.getCell(5 + i))));
                    assertEquals(ways.get(i).name(), basic.getRow(header).getCell(5 + i).getStringCellValue());
                }
            }
            for (int i = 0; i < ways.size(); i++) {
                assertEquals(sums.get(i), ways.get(i).total(), where + ": " + ways.get(i).name()
                        + " is the sum of its months");
                assertEquals(sums.get(i), yuan(basic.getRow(r).getCell(5 + i)), where + ": the sum row");
            }
            assertTrue(compared.size() <= 12 && compared.size() >= Math.min(12, basicByMonth.size()), where);

            // the document's chapter six shows the same ways, the same months and the saving as a difference
            XWPFTable docWays = tableAfter(doc, "六、", 0);
            assertEquals(ways.size() + 1, docWays.getNumberOfRows(), where);
            for (int i = 0; i < ways.size(); i++) {
                Way w = ways.get(i);
                XWPFTableRow row = docWays.getRow(i + 1);
                assertEquals(List.of(w.name(), w.inputs(), money(w.total()), money(w.saving()),
                        w.current() ? "✓" : "", w.cheapest() ? "✓" : ""), cells(row), where);
            }
            XWPFTable docMonths = tableAfter(doc, "六、", 1);
            assertEquals(compared.size() + 2, docMonths.getNumberOfRows(), where);
            for (int k = 0; k < compared.size(); k++) {
                XWPFTableRow row = docMonths.getRow(k + 1);
                assertEquals(compared.get(k), row.getCell(0).getText());
                for (int i = 0; i < ways.size(); i++) {
                    assertEquals(money(yuan(basic.getRow(header + 1 + k).getCell(5 + i))), row.getCell(4 + i).getText(),
                            where + " " + compared.get(k));
                }
                // the capacity in service the month is billed on, after the ways in both files
                Cell kva = basic.getRow(header + 1 + k).getCell(5 + ways.size());
                String shownKva = kva == null ? "—" : String.format(Locale.ROOT, "%,.1f",
                        BigDecimal.valueOf(kva.getNumericCellValue()));
                assertEquals(shownKva, row.getCell(4 + ways.size()).getText(), where + " " + compared.get(k));
                if (kva != null) {
                    inService.put(compared.get(k), BigDecimal.valueOf(kva.getNumericCellValue()));
                }
            }
            String chapter = chapterText(doc, "六、");
            if (cheapest == current) {
                assertTrue(chapter.contains("最省的计费方式"), where + ": " + chapter);
            } else {
                Matcher m = DIFFERENCE.matcher(chapter);
                assertTrue(m.find(), where + ": the saving is written as a difference: " + chapter);
                assertEquals(money(current.total()), m.group(1), where);
                assertEquals(money(cheapest.total()), m.group(2), where);
                assertEquals(money(savingLine), m.group(3), where);
            }

            // the billing-mode recommendation is this saving over a year; the health score explains the same saving
            BigDecimal days = BigDecimal.ZERO;
            for (int k = 0; k < compared.size(); k++) {
                days = days.add(BigDecimal.valueOf(basic.getRow(header + 1 + k).getCell(1).getNumericCellValue()));
            }
            BigDecimal yearly = days.intValue() >= 365 && days.intValue() <= 366 ? savingLine
                    : savingLine.multiply(BigDecimal.valueOf(365)).divide(days, 2, RoundingMode.HALF_UP);
            List<BigDecimal> billingRecs = new ArrayList<>();
            for (int k = 1; k <= recAmounts.size(); k++) {
                String text = recs.getRow(k).getCell(0).getStringCellValue();
                if (text.startsWith("基本电费") || text.startsWith("合同最大需量")) {
                    billingRecs.add(recAmounts.get(k - 1));
                }
            }
            assertEquals(savingLine.signum() > 0 ? List.of(yearly) : List.of(), billingRecs,
                    where + ": the recommendation is the chapter's saving over a year");
            if (savingLine.signum() > 0) {
                assertTrue(componentText(summary, "基本电费方式").contains(money(savingLine)),
                        where + ": the health score names the same saving");
            }

            // REST gives the same ways for the report's period
            JsonPath analysis = Api.as(Login.ADMIN).queryParam("from", issued.periodFrom().toString())
                    .queryParam("to", issued.periodTo().toString())
                    .get("/api/customers/{id}/energy/analysis", customerId).then().statusCode(200).extract()
                    .jsonPath().using(DECIMALS);
            List<BigDecimal> restTotals = analysis.getList("billingModes.options.total", BigDecimal.class).stream()
                    .map(v -> v.setScale(2)).toList();
            assertEquals(ways.stream().map(Way::total).toList(), restTotals, where + ": REST and workbook");
            assertEquals(0, savingLine.compareTo(new BigDecimal(analysis.getString("billingModes.saving"))), where);
            assertTrue(analysis.getBoolean("billingModes.options[0].current"), where);
        }
        return inService;
    }

    @Test
    void a_suspended_transformer_is_left_out_of_the_capacity_of_its_months_alike_in_both_files_and_rest()
            throws Exception {
        long id = fixtures.newCustomer(); // 1,250 kVA on its 1# transformer, billed by capacity
        long second = fixtures.transformer(id, "2#主变", "630", "0.8", "6.2");
        fixtures.importDays(id, LocalDate.of(2016, 1, 1), LocalDate.of(2016, 6, 30));
        transformers.suspend(Viewer.system(), second, LocalDate.of(2016, 3, 1), LocalDate.of(2016, 4, 30), "淡季暂停");
        Map<String, BigDecimal> inService = check("CAPACITY", id);
        assertEquals(0, new BigDecimal("1250").compareTo(inService.get("2016-02")), inService.toString());
        assertEquals(0, new BigDecimal("620").compareTo(inService.get("2016-03")), inService.toString());
        assertEquals(0, new BigDecimal("620").compareTo(inService.get("2016-04")), inService.toString());
        assertEquals(0, new BigDecimal("1250").compareTo(inService.get("2016-05")), inService.toString());
        JsonPath analysis = Api.as(Login.ADMIN).queryParam("from", "2016-01-01").queryParam("to", "2016-06-30")
                .get("/api/customers/{id}/energy/analysis", id).then().statusCode(200).extract().jsonPath()
                .using(DECIMALS);
        assertEquals(0, new BigDecimal("620").compareTo(new BigDecimal(analysis.getString(
                "months[2].capacityInServiceKva"))));
    }

    // ---- reading the files ------------------------------------------------------------------------------------

    private static BigDecimal yuan(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal yuan(Cell cell) {
        return yuan(cell.getNumericCellValue());
    }

    private static String money(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String whole(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    private static double valueOf(Sheet s, String label) {
        return s.getRow(rowOf(s, label)).getCell(1).getNumericCellValue();
    }

    /** The value beside the first label that starts with {@code prefix}. */
    private static double valueAfter(Sheet s, String prefix) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith(prefix)
                    && r.getRowNum() > 0) {
                return r.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no row starting with " + prefix + " on " + s.getSheetName());
    }

    private static int rowOf(Sheet s, String label) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && label.equals(c.getStringCellValue())) {
                return r.getRowNum();
            }
        }
        throw new AssertionError("no row " + label + " on " + s.getSheetName());
    }

    /** The explanation of a health-score component on the summary sheet. */
    private static String componentText(Sheet summary, String component) {
        return summary.getRow(rowOf(summary, component)).getCell(3).getStringCellValue();
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }

    private static String paragraphs(XWPFDocument doc) {
        return String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
    }

    /** The n-th table after the chapter heading that starts with {@code heading}. */
    private static XWPFTable tableAfter(XWPFDocument doc, String heading, int n) {
        boolean in = false;
        int seen = 0;
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p && "Heading1".equals(p.getStyle())) {
                in = p.getText().startsWith(heading);
            } else if (in && e instanceof XWPFTable t && seen++ == n) {
                return t;
            }
        }
        throw new AssertionError("no table " + n + " in chapter " + heading);
    }

    /** The paragraphs of a chapter. */
    private static String chapterText(XWPFDocument doc, String heading) {
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                if ("Heading1".equals(p.getStyle())) {
                    in = p.getText().startsWith(heading);
                } else if (in) {
                    out.append(p.getText()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static boolean recTextsContain(Sheet recs, String text) {
        for (int r = 1; recs.getRow(r) != null && recs.getRow(r).getCell(0) != null; r++) {
            if (recs.getRow(r).getCell(0).getStringCellValue().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
