package cn.keyaccount.opportunity.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class OpportunityResourceTest {

    /** A customer the user may see and one of its need tags with no open opportunity: {customerId, tagCode}. */
    public static Object[] freeNeed(Login login) {
        Api.recomputePortraits();
        for (Long id : Api.visibleCustomerIds(login)) {
            List<String> needs = Api.as(Login.ADMIN).get("/api/customers/{id}/portrait", id).then().statusCode(200)
                    .extract().jsonPath().getList("tags.findAll { it.category == 'NEED' }.code");
            List<String> open = Api.as(Login.ADMIN).queryParam("customerId", id).queryParam("open", "true")
                    .get("/api/opportunities").then().statusCode(200).extract().jsonPath().getList("items.tagCode");
            for (String need : needs) {
                if (!open.contains(need)) {
                    return new Object[] {id, need};
                }
            }
        }
        // every need tag is being worked: lose one (as the administrator) and take its customer and tag
        for (Long id : Api.visibleCustomerIds(login)) {
            JsonPath open = Api.as(Login.ADMIN).queryParam("customerId", id).queryParam("open", "true")
                    .get("/api/opportunities").then().statusCode(200).extract().jsonPath();
            if (!open.getList("items").isEmpty()) {
                Map<String, Object> lost = new HashMap<>(Map.of("stage", "LOST", "lostReason", "测试腾出标签",
                        "version", open.getLong("items[0].version")));
                Api.as(Login.ADMIN).body(lost).put("/api/opportunities/{id}", open.getLong("items[0].id")).then()
                        .statusCode(200);
                return new Object[] {id, open.getString("items[0].tagCode")};
            }
        }
        throw new AssertionError("no need tag among the customers of " + login);
    }

    public static JsonPath open(Login login) {
        Object[] need = freeNeed(login);
        return Api.as(login).body(Map.of("customerId", need[0], "tagCode", need[1])).post("/api/opportunities")
                .then().statusCode(201).header("Location", containsString("/api/opportunities/"))
                .body("stage", equalTo("FOUND")).extract().jsonPath();
    }

    static Map<String, Object> draft(JsonPath o, String stage, Object value, String step, String date,
                                     String lostReason) {
        Map<String, Object> d = new HashMap<>();
        d.put("stage", stage);
        d.put("expectedValue", value);
        d.put("nextStep", step);
        d.put("nextStepDate", date);
        d.put("lostReason", lostReason);
        d.put("version", o.getLong("version"));
        return d;
    }

    @Test
    void a_manager_opens_an_opportunity_from_a_need_tag_and_works_it_to_won_and_reopens_it() {
        JsonPath o = open(Login.MANAGER);
        long id = o.getLong("id");
        Api.as(Login.MANAGER).body(Map.of("customerId", o.getLong("customerId"), "tagCode", o.getString("tagCode")))
                .post("/api/opportunities").then().statusCode(409);
        JsonPath contacted = Api.as(Login.MANAGER).body(draft(o, "CONTACTED", "120000.50", "上门介绍增容方案",
                "2027-01-15", null)).put("/api/opportunities/{id}", id).then().statusCode(200)
                .body("stage", equalTo("CONTACTED")).body("nextStep", equalTo("上门介绍增容方案"))
                .extract().jsonPath();
        assertEquals(0, new BigDecimal("120000.50").compareTo(new BigDecimal(contacted.getString("expectedValue"))));
        JsonPath pipeline = Api.as(Login.MANAGER).get("/api/opportunities/pipeline").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(5, pipeline.getList("stages").size());
        assertTrue(pipeline.getLong("stages.find { it.stage == 'CONTACTED' }.count") >= 1);
        JsonPath won = Api.as(Login.MANAGER).body(draft(contacted, "WON", "118000.00", null, null, null))
                .put("/api/opportunities/{id}", id).then().statusCode(200).body("stage", equalTo("WON"))
                .extract().jsonPath();
        Api.as(Login.MANAGER).body(draft(won, "CONTACTED", "1.00", null, null, null))
                .put("/api/opportunities/{id}", id).then().statusCode(409)
                .body("message", containsString("reopen"));
        Api.as(Login.MANAGER).body(Map.of("version", won.getLong("version")))
                .post("/api/opportunities/{id}/reopen", id).then().statusCode(200)
                .body("stage", equalTo("PROPOSAL"));
    }

    @Test
    void bad_input_is_refused_at_its_field_and_a_concurrent_edit_is_detected() {
        JsonPath o = open(Login.ADMIN);
        long id = o.getLong("id");
        Api.as(Login.ADMIN).body(draft(o, "LOST", null, null, null, " ")).put("/api/opportunities/{id}", id)
                .then().statusCode(422).body("fields.field", hasItem("lostReason"));
        Api.as(Login.ADMIN).body(draft(o, "PROPOSAL", "-1", null, null, null)).put("/api/opportunities/{id}", id)
                .then().statusCode(422).body("fields.field", hasItem("expectedValue"));
        Api.as(Login.ADMIN).body(draft(o, "PROPOSAL", "1.234", null, null, null))
                .put("/api/opportunities/{id}", id).then().statusCode(422)
                .body("fields.message", hasItem(containsString("two decimals")));
        Api.as(Login.ADMIN).body(draft(o, "PROPOSAL", null, null, "2027-02-01", null))
                .put("/api/opportunities/{id}", id).then().statusCode(422).body("fields.field", hasItem("nextStep"));
        Api.as(Login.ADMIN).body(draft(o, "PROPOSAL", "10", null, null, null)).put("/api/opportunities/{id}", id)
                .then().statusCode(200);
        Api.as(Login.ADMIN).body(draft(o, "CONTACTED", "10", null, null, null))
                .put("/api/opportunities/{id}", id).then().statusCode(409);
        JsonPath lost = Api.as(Login.ADMIN).get("/api/opportunities/{id}", id).then().statusCode(200)
                .extract().jsonPath();
        Api.as(Login.ADMIN).body(draft(lost, "LOST", null, null, null, "客户改用自备电源"))
                .put("/api/opportunities/{id}", id).then().statusCode(200).body("lostReason", equalTo("客户改用自备电源"));

        long customer = o.getLong("customerId");
        Api.as(Login.ADMIN).body(Map.of("customerId", customer, "tagCode", "NO_SUCH_TAG"))
                .post("/api/opportunities").then().statusCode(422);
        Api.as(Login.SCHEDULER).body(Map.of("customerId", customer, "tagCode", o.getString("tagCode")))
                .post("/api/opportunities").then().statusCode(403);
        long hidden = Api.hiddenCustomerId(Login.MANAGER);
        Api.as(Login.MANAGER).body(Map.of("customerId", hidden, "tagCode", "CAPACITOR"))
                .post("/api/opportunities").then().statusCode(404);
    }

    @Test
    void the_list_filters_and_pages_and_exports_to_xlsx_with_money_in_two_decimals() throws Exception {
        JsonPath o = open(Login.ADMIN);
        Api.as(Login.ADMIN).body(draft(o, "PROPOSAL", "1234567.80", "报价", "2027-03-01", null))
                .put("/api/opportunities/{id}", o.getLong("id")).then().statusCode(200);
        JsonPath page = Api.as(Login.ADMIN).queryParam("stage", "PROPOSAL").queryParam("size", "1")
                .get("/api/opportunities").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].stage", equalTo("PROPOSAL")).extract().jsonPath();
        long total = page.getLong("total");
        byte[] file = Api.as(Login.ADMIN).accept("*/*").queryParam("stage", "PROPOSAL")
                .get("/api/opportunities/export.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertEquals(total, wb.getSheetAt(0).getLastRowNum());
            Row row = null;
            for (Row r : wb.getSheetAt(0)) {
                if (r.getRowNum() > 0 && r.getCell(5) != null && r.getCell(5).getNumericCellValue() == 1234567.80) {
                    row = r;
                }
            }
            assertTrue(row != null, "the value is a number in the sheet");
            assertEquals("#,##0.00", row.getCell(5).getCellStyle().getDataFormatString());
            assertEquals("方案中", row.getCell(4).getStringCellValue());
        }
        Api.as(Login.ADMIN).queryParam("stage", "SOLD").get("/api/opportunities").then().statusCode(400);
    }

    @Test
    void a_supervisor_sees_the_pipeline_of_a_manager_and_a_customer_user_sees_none() {
        JsonPath o = open(Login.SUPERVISOR);
        long owner = o.getLong("ownerId");
        JsonPath unit = Api.as(Login.SUPERVISOR).get("/api/opportunities/pipeline").then().statusCode(200)
                .extract().jsonPath();
        JsonPath theirs = Api.as(Login.SUPERVISOR).queryParam("ownerId", owner).get("/api/opportunities/pipeline")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(theirs.getLong("openCount") >= 1, "the manager's open opportunity is in their pipeline");
        assertTrue(unit.getLong("openCount") >= theirs.getLong("openCount"), "the unit's holds the manager's");
        Api.as(Login.SUPERVISOR).queryParam("ownerId", owner).queryParam("stage", "FOUND")
                .get("/api/opportunities").then().statusCode(200).body("items.ownerId", hasItem((int) owner));
        Api.as(Login.CUSTOMER).get("/api/opportunities/pipeline").then().statusCode(403);
    }
}
