package cn.keyaccount.energy.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.report.ReportFormat;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.UI;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The energy page's basic-charge table shows what the report's 基本电费方式 sheet shows for the same period. */
@QuarkusTest
class BasicChargeComparisonTest extends BrowserlessQuarkusTest {

    @Inject
    EnergyService energy;
    @Inject
    ReportService reports;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    @Test
    void the_screen_shows_the_current_way_first_each_way_with_its_inputs_and_the_saving_as_the_report_does()
            throws Exception {
        signIn("admin", Role.ADMIN_NAME);
        Viewer admin = users.viewer("admin");
        long id = ((Number) em.createNativeQuery("select min(c.id) from customer c where c.basic_charge_mode = "
                + "'CONTRACT_DEMAND' and exists (select 1 from meter m where m.customer_id = c.id)")
                .getSingleResult()).longValue();
        YearMonth month = YearMonth.from(energy.coverage(admin, id).lastDay());
        ReportDetails report = reports.generate(admin, id, month, "zh", false, ReportService.Progress.NONE);

        EnergyPanel panel = new EnergyPanel(energy, admin, id, false);
        UI.getCurrent().add(panel);
        panel.period.from.setValue(report.periodFrom());
        panel.period.to.setValue(report.periodTo());
        panel.analyse();

        var grid = test(panel.basicCharge.options);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                reports.download(admin, report.id(), ReportFormat.XLSX).content()))) {
            Sheet sheet = wb.getSheet("基本电费方式");
            int ways = 0;
            for (int r = 1; sheet.getRow(r) != null && !sheet.getRow(r).getCell(0).getStringCellValue().isEmpty();
                 r++) {
                Row row = sheet.getRow(r);
                int k = r - 1;
                assertEquals(row.getCell(0).getStringCellValue(), grid.getCellText(k, 0), "way " + k);
                assertEquals(row.getCell(1).getStringCellValue(), grid.getCellText(k, 1), "inputs " + k);
                assertEquals(money(row.getCell(2).getNumericCellValue()), grid.getCellText(k, 2), "total " + k);
                assertEquals(money(row.getCell(3).getNumericCellValue()), grid.getCellText(k, 3), "saving " + k);
                assertEquals(row.getCell(4).getStringCellValue(), grid.getCellText(k, 4), "current " + k);
                assertEquals(row.getCell(5).getStringCellValue(), grid.getCellText(k, 5), "cheapest " + k);
                ways++;
            }
            assertEquals(ways, grid.size(), "the same ways on the screen and in the file");
            assertEquals("✓", grid.getCellText(0, 4), "the current way comes first");
            String line = panel.basicCharge.savingLine.getText();
            String saving = money(valueAfter(sheet, "可节省"));
            assertTrue(line.contains(saving) || line.contains("最省的计费方式"), line + " names " + saving);
            if (!line.contains("最省的计费方式")) {
                assertTrue(line.contains(money(valueAfter(sheet, "现行方式（")) + " 元 − 最省 "
                        + money(valueAfter(sheet, "最省方式（")) + " 元 = 可节省 " + saving), line);
            }
        }
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
    }

    private static double valueAfter(Sheet s, String prefix) {
        for (Row r : s) {
            if (r.getRowNum() > 0 && r.getCell(0) != null && r.getCell(0).getStringCellValue().startsWith(prefix)) {
                return r.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("no " + prefix + " in " + List.of(s.getSheetName()));
    }
}
