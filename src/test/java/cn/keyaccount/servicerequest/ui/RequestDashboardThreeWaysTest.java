package cn.keyaccount.servicerequest.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.DashboardDetails;
import cn.keyaccount.servicerequest.DashboardTestData;
import cn.keyaccount.servicerequest.RequestDashboard;
import cn.keyaccount.servicerequest.RequestDashboardWorkbook;
import cn.keyaccount.support.Api;
import cn.keyaccount.support.ExportStream;
import cn.keyaccount.support.TestClock;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The county supervisor's dashboard over two years of requests shows the same compliance and repair figures on the
 * screen, in the XLSX and through REST as the dashboard computes them.
 */
@QuarkusTest
class RequestDashboardThreeWaysTest extends BrowserlessQuarkusTest {

    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    RequestDashboard dashboard;
    @Inject
    RequestDashboardWorkbook workbook;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    @Inject
    TestClock time;

    @AfterEach
    void cleanUp() {
        time.reset();
        DashboardTestData.delete(em);
    }

    @Test
    void the_screen_the_workbook_and_rest_show_the_figures_the_dashboard_computes() throws Exception {
        DashboardTestData.insert(em);
        time.set(DashboardTestData.NOW.atZone(time.zone()));
        Viewer supervisor = users.viewer("supervisor");
        DashboardDetails d = dashboard.summarise(supervisor, DashboardTestData.FROM, DashboardTestData.TO);
        List<String> compliance = d.compliance().stream().map(c -> c.due() + " " + c.met() + " " + plain(c.rate()))
                .toList();
        List<String> repairs = d.repairs().stream().map(t -> t.count() + " " + plain(t.median()) + " "
                + plain(t.p90()) + " " + plain(t.commitment()) + " " + t.met()).toList();
        assertFalse(repairs.isEmpty());

        JsonPath rest = Api.as(Login.SUPERVISOR).queryParam("from", DashboardTestData.FROM.toString())
                .queryParam("to", DashboardTestData.TO.toString()).get("/api/service-requests/dashboard")
                .then().statusCode(200).extract().jsonPath(DECIMALS);
        assertEquals(compliance, rest.getList("compliance", Map.class).stream().map(c -> c.get("due") + " "
                + c.get("met") + " " + plain((BigDecimal) c.get("rate"))).toList(), "REST: compliance");
        assertEquals(repairs, rest.getList("repairs", Map.class).stream().map(t -> t.get("count") + " "
                + plain((BigDecimal) t.get("median")) + " " + plain((BigDecimal) t.get("p90")) + " "
                + plain((BigDecimal) t.get("commitment")) + " " + t.get("met")).toList(), "REST: repair times");

        ExportStream out = new ExportStream();
        workbook.write(supervisor, DashboardTestData.FROM, DashboardTestData.TO, Locale.SIMPLIFIED_CHINESE, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(out.read())) {
            assertEquals(compliance, rows(wb.getSheetAt(1), List.of(4), 2, 3, 4), "XLSX: compliance");
            assertEquals(repairs, rows(wb.getSheetAt(2), List.of(3, 4, 5), 2, 3, 4, 5, 6), "XLSX: repair times");
        }

        signIn("supervisor", Role.SUPERVISOR_NAME);
        RequestDashboardView view = open("service-requests/dashboard", RequestDashboardView.class);
        view.from.setValue(DashboardTestData.FROM);
        view.to.setValue(DashboardTestData.TO);
        List<String> screenCompliance = new ArrayList<>();
        for (int i = 0; i < test(view.compliance).size(); i++) {
            screenCompliance.add(test(view.compliance).getCellText(i, 2) + " " + test(view.compliance)
                    .getCellText(i, 3) + " " + test(view.compliance).getCellText(i, 4).replace(" %", ""));
        }
        assertEquals(compliance, screenCompliance, "screen: compliance");
        List<String> screenRepairs = new ArrayList<>();
        for (int i = 0; i < test(view.repairs).size(); i++) {
            List<String> cells = new ArrayList<>();
            for (int col = 2; col <= 6; col++) {
                cells.add(test(view.repairs).getCellText(i, col));
            }
            screenRepairs.add(String.join(" ", cells));
        }
        assertEquals(repairs, screenRepairs, "screen: repair times");
    }

    /** The cells of every data row, numbers written as the dashboard's figures (one decimal, or whole counts). */
    private static List<String> rows(Sheet sheet, List<Integer> decimals, int... columns) {
        List<String> out = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c : columns) {
                Cell cell = row.getCell(c);
                if (cell == null) {
                    cells.add("—");
                } else if (decimals.contains(c)) {
                    cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).setScale(1, RoundingMode.HALF_UP)
                            .toPlainString());
                } else {
                    cells.add(Long.toString((long) cell.getNumericCellValue()));
                }
            }
            out.add(String.join(" ", cells));
        }
        return out;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }
}
