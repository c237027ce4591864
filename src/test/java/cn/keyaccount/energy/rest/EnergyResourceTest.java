package cn.keyaccount.energy.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnergyResourceTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A CSV of whole days for one meter, every reading {@code kwh}. */
    private static String days(String meter, LocalDate from, int days, double kwh) {
        StringBuilder csv = new StringBuilder("表号,时间,有功电量kWh,无功电量kvarh\n");
        LocalDateTime t = from.atStartOfDay();
        for (int k = 1; k <= days * 96; k++) {
            csv.append(meter).append(',').append(t.plusMinutes(15L * k).format(TIME)).append(',').append(kwh)
                    .append(",0.5\n");
        }
        return csv.toString();
    }

    private static JsonPath upload(long customer, String file, String csv, int status) {
        return Api.as(Login.MANAGER).contentType("text/csv").queryParam("file", file)
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/customers/{id}/energy/readings", customer)
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void a_bulk_upload_is_stored_reimporting_replaces_it_and_the_analysis_reads_it_back() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(3);
        String meter = Api.unique("RB");
        LocalDate day = LocalDate.of(2017, 5, 1);

        JsonPath first = upload(customer, "may.csv", days(meter, day, 3, 1.0), 200);
        assertEquals(288, first.getInt("rows"));
        assertEquals(3, first.getInt("meterDays"));
        upload(customer, "may-again.csv", days(meter, day, 3, 2.0), 200);

        Api.as(Login.MANAGER).queryParam("from", "2017-05-01").queryParam("to", "2017-05-03")
                .get("/api/customers/{id}/energy/analysis", customer)
                .then().statusCode(200)
                .body("load.energyKwh", equalTo(576.0f))
                .body("load.maxDemandKw", equalTo(8.0f))
                .body("transformers.size()", greaterThan(0))
                .body("transformerTotal.basis", equalTo("CUSTOMER_TOTAL"))
                .body("transformerTotal.intervals", equalTo(288));
        JsonPath curve = Api.as(Login.MANAGER).queryParam("from", "2017-05-01").queryParam("to", "2017-05-01")
                .get("/api/customers/{id}/energy/load-curve", customer).then().statusCode(200).extract().jsonPath();
        assertEquals(15, curve.getInt("minutesPerPoint"));
        assertEquals(96, curve.getList("kw").size());
    }

    @Test
    void a_manager_puts_a_meter_on_a_transformer_and_the_analysis_loads_that_transformer_from_it() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(4);
        String meter = Api.unique("RT");
        upload(customer, "t.csv", days(meter, LocalDate.of(2017, 7, 1), 2, 1.0), 200);
        String name = Api.unique("T");
        long transformer = Api.as(Login.MANAGER).contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"ratedKva\":100,\"noLoadLossKw\":0.2,\"loadLossKw\":1.5}")
                .post("/api/customers/{id}/transformers", customer).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long meterId = Api.as(Login.MANAGER).get("/api/customers/{id}/energy", customer).then().statusCode(200)
                .extract().jsonPath().getLong("meters.find { it.meterNo == '" + meter + "' }.id");
        String path = "/api/customers/{id}/energy/meters/{meterId}";

        Api.as(Login.MANAGER).contentType("application/json").body("{\"transformerId\":" + transformer + "}")
                .put(path, customer, meterId).then().statusCode(200).body("transformerId", equalTo((int) transformer));
        Api.as(Login.MANAGER).queryParam("from", "2017-07-01").queryParam("to", "2017-07-02")
                .get("/api/customers/{id}/energy/analysis", customer).then().statusCode(200)
                .body("transformers.find { it.name == '" + name + "' }.basis", equalTo("METERED"))
                .body("transformers.find { it.name == '" + name + "' }.intervals", equalTo(192));

        Api.as(Login.MANAGER).contentType("application/json").body("{\"transformerId\":999999999}")
                .put(path, customer, meterId).then().statusCode(422);
        Api.as(Login.MANAGER).contentType("application/json").body("{\"transformerId\":null}")
                .put(path, customer, 999999999L).then().statusCode(404);
        Api.as(Login.CUSTOMER).contentType("application/json").body("{\"transformerId\":null}")
                .put(path, customer, meterId).then().statusCode(403);
        Api.as(Login.MANAGER).contentType("application/json").body("{\"transformerId\":null}")
                .put(path, customer, meterId).then().statusCode(200).body("transformerId", equalTo(null));
    }

    @Test
    void a_file_with_a_conflicting_duplicate_is_rejected_whole_and_the_report_names_the_rows() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(3);
        String meter = Api.unique("RD");
        String csv = days(meter, LocalDate.of(2017, 6, 1), 1, 1.0) + meter + ",2017-06-01 00:15,9,0\n";

        JsonPath report = upload(customer, "dup.csv", csv, 422);

        assertEquals(false, report.getBoolean("accepted"));
        assertEquals(0, report.getInt("meterDays"));
        assertEquals(98, report.getInt("issues.find { it.kind == 'DUPLICATE_CONFLICT' }.row"));
        Api.as(Login.MANAGER).get("/api/customers/{id}/energy", customer).then().statusCode(200)
                .body("meters.meterNo", org.hamcrest.Matchers.not(hasItem(meter)));
    }

    @Test
    void an_editor_changes_the_energy_profile_and_a_declared_demand_below_the_floor_is_marked_at_its_field() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(4);
        JsonPath p = Api.as(Login.MANAGER).get("/api/customers/{id}/energy/profile", customer)
                .then().statusCode(200).extract().jsonPath();
        double capacity = p.getDouble("capacityKva");
        java.util.Map<String, Object> body = new java.util.HashMap<>(p.getMap("$"));
        body.put("province", "广东");
        body.put("basicChargeMode", "CONTRACT_DEMAND");
        body.put("declaredKw", Math.floor(capacity * 0.3));
        Api.as(Login.MANAGER).body(body).put("/api/customers/{id}/energy/profile", customer)
                .then().statusCode(422).body("fields.field", hasItem("declaredKw"));

        body.put("declaredKw", Math.ceil(capacity * 0.5));
        Api.as(Login.MANAGER).body(body).put("/api/customers/{id}/energy/profile", customer)
                .then().statusCode(200).body("province", equalTo("广东"))
                .body("basicChargeMode", equalTo("CONTRACT_DEMAND"));
        // the versions read before are stale now
        Api.as(Login.MANAGER).body(body).put("/api/customers/{id}/energy/profile", customer)
                .then().statusCode(409);
    }

    @Test
    void an_administrator_adds_a_tariff_version_across_midnight_and_a_bad_band_is_refused_with_its_season() {
        String province = Api.unique("测试省");
        java.util.Map<String, Object> tariff = new java.util.HashMap<>(java.util.Map.of("province", province,
                "voltageClass", "1-10kV", "validFrom", "2025-01-01", "name", "测试电价", "source", "测试文件",
                "peak", 1.2, "flat", 0.7, "valley", 0.3, "capacityPrice", 25, "demandPrice", 38));
        tariff.put("seasons", java.util.List.of(java.util.Map.of("name", "全年", "months", "1,2,3,4,5,6,7,8,9,10,11",
                "bands", "22:00-06:00 谷; 08:00-11:00 峰")));
        Api.as(Login.ADMIN).body(tariff).post("/api/tariffs").then().statusCode(422)
                .body("fields.field", hasItem("seasons"));

        tariff.put("seasons", java.util.List.of(java.util.Map.of("name", "全年", "months",
                "1,2,3,4,5,6,7,8,9,10,11,12", "bands", "22:00-06:00 谷; 08:00-11:00 峰")));
        int id = Api.as(Login.ADMIN).body(tariff).post("/api/tariffs").then().statusCode(201)
                .body("seasons[0].bands", equalTo("22:00-06:00 VALLEY; 08:00-11:00 PEAK"))
                .extract().path("id");
        Api.as(Login.MANAGER).queryParam("province", province).get("/api/tariffs").then().statusCode(200)
                .body("id", hasItem(id));

        tariff.put("validFrom", "2026-01-01");
        Api.as(Login.ADMIN).body(tariff).post("/api/tariffs").then().statusCode(201);
        // the earlier version now ends where the new one starts
        Api.as(Login.ADMIN).get("/api/tariffs/{id}", id).then().body("validTo", equalTo("2026-01-01"));
        Api.as(Login.ADMIN).queryParam("province", province).queryParam("from", "2025-03-01")
                .queryParam("to", "2025-04-01").get("/api/tariffs").then().body("size()", equalTo(1));
    }

    @Test
    void the_analysis_says_how_many_days_hold_readings_and_marks_the_months_that_are_not_whole() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).get(5);
        String meter = Api.unique("CV");
        // 2016-03-20 .. 2016-04-30: March holds 12 of its 31 days, April all 30
        upload(customer, "coverage.csv", days(meter, LocalDate.of(2016, 3, 20), 42, 1.0), 200);

        JsonPath now = Api.as(Login.MANAGER).queryParam("from", "2016-03-01").queryParam("to", "2016-04-30")
                .get("/api/customers/{id}/energy/analysis", customer).then().statusCode(200).extract().jsonPath();
        assertEquals(61, now.getInt("daysInPeriod"));
        assertEquals(42, now.getInt("daysWithData"));
        assertEquals(12, now.getInt("months[0].daysWithData"));
        assertEquals(true, now.getBoolean("months[0].partial"));
        assertEquals(30, now.getInt("months[1].daysWithData"));
        assertEquals(false, now.getBoolean("months[1].partial"));

        JsonPath yearBefore = Api.as(Login.MANAGER).queryParam("from", "2015-03-01").queryParam("to", "2015-04-30")
                .get("/api/customers/{id}/energy/analysis", customer).then().statusCode(200).extract().jsonPath();
        assertEquals(61, yearBefore.getInt("daysInPeriod"));
        assertEquals(0, yearBefore.getInt("daysWithData"));
    }
}
