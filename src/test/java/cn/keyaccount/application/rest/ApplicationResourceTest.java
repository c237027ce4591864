package cn.keyaccount.application.rest;

import static cn.keyaccount.demo.DemoDataGenerator.Login.CUSTOMER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.MANAGER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SUPERVISOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.keyaccount.application.ApplicationFixtures;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationResourceTest {

    @Inject
    ApplicationFixtures fixtures;

    @Test
    void a_manager_starts_an_application_runs_its_steps_and_a_stale_version_answers_409() {
        long customer = fixtures.managersCustomer();
        JsonPath created = Api.as(MANAGER).body(Map.of("customerId", customer, "kind", "BILLING_CHANGE",
                        "basicChargeMode", "CAPACITY", "address", "接口路 1 号"))
                .post("/api/applications").then().statusCode(201)
                .header("Location", containsString("/api/applications/")).body("currentStep", equalTo("ACCEPTANCE"))
                .extract().jsonPath();
        long id = created.getLong("id");
        int version = created.getInt("version");
        Api.as(MANAGER).body(Map.of("version", version)).post("/api/applications/{id}/steps/change/complete", id)
                .then().statusCode(409).body("message", containsString(created.getString("number")));
        int next = Api.as(MANAGER).body(Map.of("version", version))
                .post("/api/applications/{id}/steps/acceptance/complete", id).then().statusCode(200)
                .body("currentStep", equalTo("CHANGE")).extract().jsonPath().getInt("version");
        Api.as(MANAGER).body(Map.of("reason", "DOCUMENTS_MISSING", "note", "授权委托书", "version", version))
                .post("/api/applications/{id}/clock/stop", id).then().statusCode(409);
        Api.as(MANAGER).body(Map.of("reason", "DOCUMENTS_MISSING", "note", "授权委托书", "version", next))
                .post("/api/applications/{id}/clock/stop", id).then().statusCode(200)
                .body("status", equalTo("WAITING")).body("stops[0].note", equalTo("授权委托书"));
        Api.as(SUPERVISOR).queryParam("open", "true").queryParam("q", created.getString("number"))
                .get("/api/applications").then().statusCode(200).body("total", equalTo(1))
                .body("items.id", hasItem((int) id));
        Api.as(MANAGER).body(Map.of()).post("/api/applications/{id}/clock/restart", id).then().statusCode(428);
    }

    @Test
    void the_supply_scheme_reply_is_a_word_document_for_who_may_see_the_application_from_its_step_on()
            throws Exception {
        long customer = fixtures.managersCustomer();
        JsonPath created = Api.as(MANAGER).body(Map.of("customerId", customer, "kind", "CAPACITY_INCREASE",
                        "capacityKva", fixtures.capacityOf(customer).add(java.math.BigDecimal.TEN)))
                .post("/api/applications").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        Api.as(MANAGER).get("/api/applications/{id}/supply-scheme.docx", id).then().statusCode(409)
                .body("message", containsString(created.getString("number")));
        Api.as(MANAGER).body(Map.of("version", created.getInt("version")))
                .post("/api/applications/{id}/steps/acceptance/complete", id).then().statusCode(200);
        byte[] docx = Api.as(MANAGER).header("Accept-Language", "en")
                .get("/api/applications/{id}/supply-scheme.docx", id).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(docx))) {
            org.junit.jupiter.api.Assertions.assertTrue(doc.getParagraphs().stream()
                    .anyMatch(p -> p.getText().contains("Supply scheme")), "in English as asked");
        }
        Api.as(SUPERVISOR).get("/api/applications/{id}/supply-scheme.docx", id).then().statusCode(200);
        Api.as(CUSTOMER).get("/api/applications/{id}/supply-scheme.docx", id).then().statusCode(404);
        int own = Api.as(CUSTOMER).queryParam("kind", "capacity-increase").queryParam("open", "true")
                .get("/api/applications").then().statusCode(200).extract().jsonPath().getInt("items[0].id");
        Api.as(CUSTOMER).get("/api/applications/{id}/supply-scheme.docx", own).then().statusCode(200);
    }

    @Test
    void bad_input_is_refused_with_its_reason() {
        long customer = fixtures.managersCustomer();
        Api.as(MANAGER).body(Map.of("customerId", customer, "kind", "CAPACITY_INCREASE", "capacityKva", -5))
                .post("/api/applications").then().statusCode(422).body("fields.field", hasItem("capacityKva"));
        Api.as(MANAGER).body(Map.of("customerId", customer, "kind", "SUSPENSION", "periodFrom", "2026-02-30"))
                .post("/api/applications").then().statusCode(400);
        Api.as(MANAGER).queryParam("kind", "nonsense").get("/api/applications").then().statusCode(400)
                .body("fields.field", hasItem("kind"));
    }

    @Test
    void a_customer_starts_one_for_its_own_account_and_sees_only_its_own() {
        long own = Api.visibleCustomerIds(CUSTOMER).getFirst();
        long id = Api.as(CUSTOMER).body(Map.of("customerId", own, "kind", "TARIFF_CHANGE", "note", "门户申请"))
                .post("/api/applications").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as(CUSTOMER).get("/api/applications/{id}", id).then().statusCode(200).body("runnable", equalTo(false));
        Api.as(CUSTOMER).body(Map.of("version", 0)).post("/api/applications/{id}/steps/acceptance/complete", id)
                .then().statusCode(403);
        Api.as(CUSTOMER).body(Map.of("customerId", Api.hiddenCustomerId(CUSTOMER), "kind", "TARIFF_CHANGE"))
                .post("/api/applications").then().statusCode(404);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        long doc = Api.as(CUSTOMER).contentType("application/octet-stream").queryParam("type", "CHANGE_REQUEST")
                .queryParam("file", "申请书.png").body(png).post("/api/applications/{id}/documents", id).then()
                .statusCode(201).body("contentType", equalTo("image/png")).extract().jsonPath().getLong("id");
        Api.as(CUSTOMER).contentType("application/octet-stream").queryParam("type", "CHANGE_REQUEST")
                .queryParam("file", "申请书.png").body("<html>not an image</html>".getBytes())
                .post("/api/applications/{id}/documents", id).then().statusCode(422)
                .body("fields.field", hasItem("file"));
        Api.as(CUSTOMER).contentType("application/octet-stream").queryParam("type", "CHANGE_REQUEST")
                .queryParam("file", "empty.pdf").body(new byte[0]).post("/api/applications/{id}/documents", id)
                .then().statusCode(422).body("fields.field", hasItem("file"));
        Api.as(CUSTOMER).accept("*/*").get("/api/applications/{id}/documents/{doc}", id, doc).then()
                .statusCode(200).contentType("image/png");
        Api.as(CUSTOMER).get("/api/applications/{id}/documents", id).then().statusCode(200)
                .body("files.size()", equalTo(1));
    }
}
