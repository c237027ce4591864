package cn.keyaccount.energy.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import cn.keyaccount.support.CraftedFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15, items 4, 5 and 9: what a readings upload must never do to stored data or to the server. */
@QuarkusTest
class ReadingImportSafetyTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String HEADER = "表号,时间,有功电量kWh,无功电量kvarh\n";

    private static String day(String meter, LocalDate day, double kwh) {
        StringBuilder csv = new StringBuilder();
        LocalDateTime t = day.atStartOfDay();
        for (int k = 1; k <= 96; k++) {
            csv.append(meter).append(',').append(t.plusMinutes(15L * k).format(TIME)).append(',').append(kwh)
                    .append(",0.5\n");
        }
        return csv.toString();
    }

    private static JsonPath upload(long customer, String file, byte[] body, String query, int status) {
        var spec = Api.as(Login.MANAGER).contentType("application/octet-stream").queryParam("file", file);
        if (query != null) {
            spec = spec.queryParam(query, true);
        }
        return spec.body(body).post("/api/customers/{id}/energy/readings", customer)
                .then().statusCode(status).extract().jsonPath();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> meter(long customer, String meterNo) {
        List<Map<String, Object>> meters = Api.as(Login.MANAGER).get("/api/customers/{id}/energy", customer)
                .then().statusCode(200).extract().jsonPath().getList("meters");
        return meters.stream().filter(m -> meterNo.equals(m.get("meterNo"))).findFirst().orElseThrow();
    }

    @Test
    void an_impossible_date_is_a_row_error_naming_file_row_and_column_and_nothing_is_stored() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(5);
        String meter = Api.unique("RD");
        String csv = HEADER + meter + ",2026-02-28 00:15,1.0,0.5\n" + meter + ",2026-02-30 00:15,1.0,0.5\n";

        JsonPath r = upload(customer, "typo.csv", utf8(csv), null, 422);

        assertEquals(false, r.getBoolean("accepted"));
        Map<String, Object> issue = r.getMap("issues.find { it.kind == 'BAD_TIME' }");
        assertEquals("typo.csv", issue.get("file"));
        assertEquals(3, ((Number) issue.get("row")).intValue());
        assertTrue(String.valueOf(issue.get("column")).contains("时间"), issue.toString());
        assertEquals("2026-02-30 00:15", issue.get("at"));
    }

    @Test
    void a_file_that_would_replace_a_stored_day_with_fewer_readings_is_refused_unless_the_user_confirms() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(6);
        String meter = Api.unique("RS");
        LocalDate day = LocalDate.of(2016, 3, 1);
        upload(customer, "full.csv", utf8(HEADER + day(meter, day, 2.0)), null, 200);

        String oneRow = HEADER + meter + "," + day + " 00:15,3.0,0.5\n";
        JsonPath refused = upload(customer, "one-row.csv", utf8(oneRow), null, 422);

        assertEquals(1, refused.getInt("shorterDays"));
        Map<String, Object> issue = refused.getMap("issues.find { it.kind == 'SHORTER_DAY' }");
        assertEquals(meter, issue.get("meterNo"));
        assertEquals(day.toString(), issue.get("at"));
        assertEquals("1 < 96", issue.get("detail"));
        Api.as(Login.MANAGER).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/customers/{id}/energy/analysis", customer)
                .then().statusCode(200).body("load.energyKwh", equalTo(192.0f));

        JsonPath confirmed = upload(customer, "one-row.csv", utf8(oneRow), "replaceShorterDays", 200);
        assertEquals(1, confirmed.getInt("meterDays"));
        Api.as(Login.MANAGER).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/customers/{id}/energy/analysis", customer)
                .then().statusCode(200).body("load.energyKwh", equalTo(3.0f));
    }

    @Test
    void readings_above_what_the_capacity_can_draw_and_1e38_are_row_errors() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(7);
        BigDecimal capacity = capacity(customer);
        String meter = Api.unique("RV");
        double tooMuch = capacity.doubleValue() * 0.25 * 2 * 1.5;
        String csv = HEADER + meter + ",2016-04-01 00:15," + tooMuch + ",0\n"
                + meter + ",2016-04-01 00:30,1e38,0\n"
                + meter + ",2016-04-01 00:45,NaN,0\n"
                + meter + ",2016-04-01 01:00,1,1e38\n";

        JsonPath r = upload(customer, "values.csv", utf8(csv), null, 422);

        assertEquals(List.of(2, 3, 5), r.getList("issues.findAll { it.kind == 'IMPOSSIBLE_VALUE' }.row"));
        assertEquals(List.of(4), r.getList("issues.findAll { it.kind == 'UNREADABLE' }.row"));
        assertTrue(r.getString("issues.find { it.row == 5 }.column").contains("kvarh"));
    }

    @Test
    void a_readings_xlsx_zip_bomb_answers_422_with_its_reason() throws Exception {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(8);
        byte[] honest = CraftedFiles.xlsx(List.of(List.of("表号", "时间", "有功电量kWh"),
                List.of(Api.unique("RZ"), "2016-05-01 00:15", "1")));
        byte[] bomb = CraftedFiles.zipBomb(honest, 64);

        Api.as(Login.MANAGER).contentType("application/octet-stream").queryParam("file", "bomb.xlsx").body(bomb)
                .post("/api/customers/{id}/energy/readings", customer)
                .then().statusCode(422).body("issues.kind", hasItem("TOO_LARGE"));
    }

    @Test
    void an_extreme_but_accepted_value_leaves_the_analysis_and_the_report_answering() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(2);
        BigDecimal capacity = capacity(customer);
        double most = Math.floor(capacity.doubleValue() * 0.25 * 2);
        String meter = Api.unique("RX");
        LocalDate day = LocalDate.of(2015, 6, 1);
        // a day at the most the capacity allows, a day of zeros (power factor 0/0), a day of one reading
        String csv = HEADER + day(meter, day, most) + day(meter, day.plusDays(1), 0)
                + meter + "," + day.plusDays(2) + " 12:00,0.001,0\n";
        upload(customer, "extreme.csv", utf8(csv), null, 200);
        assertEquals(3, ((Number) meter(customer, meter).get("days")).intValue());

        Api.as(Login.MANAGER).queryParam("from", "2015-06-01").queryParam("to", "2015-06-30")
                .get("/api/customers/{id}/energy/analysis", customer).then().statusCode(200);
        Api.as(Login.MANAGER).queryParam("from", "2015-06-01").queryParam("to", "2015-06-30")
                .get("/api/customers/{id}/energy/load-curve", customer).then().statusCode(200);
        Api.as(Login.MANAGER).body("{\"month\":\"2015-06\",\"language\":\"zh\",\"notifyCustomer\":false}")
                .post("/api/customers/{id}/reports", customer).then().statusCode(201);
    }

    private static BigDecimal capacity(long customer) {
        JsonPath c = Api.as(Login.MANAGER).get("/api/customers/{id}", customer).then().statusCode(200).extract()
                .jsonPath();
        BigDecimal contract = new BigDecimal(c.getString("contractCapacityKva"));
        BigDecimal operating = new BigDecimal(c.getString("operatingCapacityKva"));
        return contract.max(operating);
    }
}
