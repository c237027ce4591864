package cn.keyaccount.servicerequest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.outage.OutageFixtures;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestCareResourceTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Inject
    OutageFixtures fixtures;

    private static long raise(Login login, String type, String subject) {
        return Api.as(login).body(Map.of("customerId", Api.visibleCustomerIds(login).getFirst(), "type", type,
                "subject", subject)).post("/api/service-requests").then().statusCode(201).extract().jsonPath()
                .getLong("request.id");
    }

    @Test
    void the_customer_attaches_a_photo_rates_the_closed_request_and_a_dissatisfied_answer_reopens_it() {
        long id = raise(Login.CUSTOMER, "REPAIR", "接口门户报修：变压器异响");
        Api.as(Login.CUSTOMER).contentType("application/octet-stream").body("<html>".getBytes())
                .post("/api/service-requests/{id}/attachments?file=x.png", id).then().statusCode(422);
        Api.as(Login.CUSTOMER).contentType("application/octet-stream").body(new byte[5 * 1024 * 1024 + 1])
                .post("/api/service-requests/{id}/attachments?file=big.png", id).then().statusCode(422);
        long file = Api.as(Login.CUSTOMER).contentType("application/octet-stream").body(JPEG)
                .post("/api/service-requests/{id}/attachments?file=现场.jpg", id).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        byte[] back = Api.as(Login.MANAGER).accept("*/*")
                .get("/api/service-requests/{id}/attachments/{f}", id, file).then().statusCode(200)
                .header("Content-Type", "image/jpeg").extract().asByteArray();
        assertArrayEquals(JPEG, back);
        Api.as(Login.CUSTOMER).body(Map.of("satisfaction", 5, "version", 0))
                .post("/api/service-requests/{id}/return-visit", id).then().statusCode(409);
        JsonPath read = Api.as(Login.ADMIN).get("/api/service-requests/{id}", id).then().extract().jsonPath();
        long version = Api.as(Login.ADMIN).body(Map.of("answer", "已更换避雷器", "version", read.getLong("version")))
                .post("/api/service-requests/{id}/close", id).then().statusCode(200).extract().jsonPath()
                .getLong("version");
        Api.as(Login.CUSTOMER).body(Map.of("satisfaction", 2, "version", version))
                .post("/api/service-requests/{id}/return-visit", id).then().statusCode(422);
        Api.as(Login.CUSTOMER).body(Map.of("satisfaction", 2)).post("/api/service-requests/{id}/return-visit", id)
                .then().statusCode(428);
        JsonPath rated = Api.as(Login.CUSTOMER).body(Map.of("satisfaction", 2, "comment", "复电太慢",
                "version", version)).post("/api/service-requests/{id}/return-visit", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("REOPENED", rated.getString("request.status"));
        assertEquals(2, rated.getInt("returnVisits[0].satisfaction"));
        Api.as(Login.ADMIN).body(Map.of("text", "已安排主管跟进")).post("/api/service-requests/{id}/comments", id)
                .then().statusCode(200);
    }

    @Test
    void another_customer_neither_reads_nor_rates_nor_downloads_a_request_that_is_not_theirs() {
        long id = raise(Login.CUSTOMER, "QUESTION", "接口门户咨询：电价");
        long file = Api.as(Login.CUSTOMER).contentType("application/octet-stream").body("%PDF-1.7 x".getBytes())
                .post("/api/service-requests/{id}/attachments?file=a.pdf", id).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long otherCustomer = Api.hiddenCustomerId(Login.CUSTOMER);
        String stranger = fixtures.portalUser(otherCustomer);
        var as = given().auth().preemptive().basic(stranger, "Outage@2026x").contentType("application/json")
                .accept("application/json");
        as.get("/api/service-requests/{id}", id).then().statusCode(404);
        given().auth().preemptive().basic(stranger, "Outage@2026x").accept("*/*")
                .get("/api/service-requests/{id}/attachments/{f}", id, file).then().statusCode(404);
        given().auth().preemptive().basic(stranger, "Outage@2026x").contentType("application/json")
                .body(Map.of("satisfaction", 1, "comment", "差", "version", 0))
                .post("/api/service-requests/{id}/return-visit", id).then().statusCode(404);
        assertEquals(0, given().auth().preemptive().basic(stranger, "Outage@2026x").accept("application/json")
                .get("/api/service-requests").then().statusCode(200).extract().jsonPath().getList("items").stream()
                .filter(r -> ((Number) ((Map<?, ?>) r).get("id")).longValue() == id).count());
    }

    @Test
    void the_dashboard_answers_its_figures_refuses_bad_dates_and_exports_a_workbook() throws Exception {
        JsonPath d = Api.as(Login.SUPERVISOR).get("/api/service-requests/dashboard").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(d.getList("open").size(), d.getList("open.type").size());
        java.time.LocalDate today = java.time.LocalDate.now(cn.keyaccount.base.TimeSettings.companyZone());
        assertEquals(today.minusMonths(12).plusDays(1).toString(), d.getString("from"), "the last 12 months");
        Api.as(Login.SUPERVISOR).queryParam("from", "2026-02-30").get("/api/service-requests/dashboard").then()
                .statusCode(400);
        Api.as(Login.SUPERVISOR).queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .get("/api/service-requests/dashboard").then().statusCode(422);
        Api.as(Login.MANAGER).accept("*/*").queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .get("/api/service-requests/dashboard/export.xlsx").then().statusCode(422);
        byte[] xlsx = Api.as(Login.MANAGER).accept("*/*").get("/api/service-requests/dashboard/export.xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertEquals(5, wb.getNumberOfSheets());
            assertEquals("未办结工单", wb.getSheetName(0));
        }
    }
}
