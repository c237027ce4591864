package cn.keyaccount.supplyplan.rest;

import static cn.keyaccount.demo.DemoDataGenerator.Login.ADMIN;
import static cn.keyaccount.demo.DemoDataGenerator.Login.CUSTOMER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.MANAGER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SCHEDULER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SUPERVISOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.supplyplan.PlanFixtures;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupplyPlanResourceTest {

    @Inject
    PlanFixtures fixtures;

    private long newPlan(long customerId, OffsetDateTime start) {
        return Api.as(MANAGER).body(Map.of("customerId", customerId, "eventType", "SOCIAL", "eventName", "接口测试活动",
                        "level", "FIRST", "startsAt", start.toString(), "endsAt", start.plusDays(1).toString()))
                .post("/api/supply-plans").then().statusCode(201).header("Location", containsString("/api/supply-plans/"))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void a_manager_writes_books_and_submits_a_supervisor_approves_and_the_document_downloads() {
        long customer = fixtures.managersCustomer();
        OffsetDateTime start = PlanFixtures.freshWeek();
        long first = newPlan(customer, start);
        long second = newPlan(customer, start);
        long truck = fixtures.truck().id();

        Api.as(MANAGER).body(Map.of("title", "接口任务", "party", "COMPANY", "ownerName", "张三",
                "dueOn", start.toLocalDate().minusDays(1).toString())).post("/api/supply-plans/{id}/tasks", first)
                .then().statusCode(201).body("title", equalTo("接口任务"));
        Api.as(MANAGER).body(Map.of("truckId", truck)).post("/api/supply-plans/{id}/bookings", first)
                .then().statusCode(201).body("truckId", equalTo((int) truck));
        String title = Api.as(MANAGER).get("/api/supply-plans/{id}", first).then().statusCode(200)
                .extract().jsonPath().getString("title");
        Api.as(MANAGER).body(Map.of("truckId", truck)).post("/api/supply-plans/{id}/bookings", second)
                .then().statusCode(409).body("message", containsString(title));

        Api.as(MANAGER).body(Map.of("action", "SUBMIT")).post("/api/supply-plans/{id}/transitions", first)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        Api.as(MANAGER).body(Map.of("action", "APPROVE")).post("/api/supply-plans/{id}/transitions", first)
                .then().statusCode(403);
        Api.as(SUPERVISOR).body(Map.of("action", "APPROVE", "comment", "同意"))
                .post("/api/supply-plans/{id}/transitions", first).then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        byte[] docx = Api.as(MANAGER).accept("*/*").get("/api/supply-plans/{id}/document", first).then()
                .statusCode(200).contentType(containsString("wordprocessingml")).extract().asByteArray();
        assertTrue(docx.length > 2000 && docx[0] == 'P' && docx[1] == 'K', "a zip (OOXML) package");
        Api.as(SCHEDULER).accept("*/*").get("/api/fleet/schedule.xlsx").then().statusCode(200)
                .contentType(containsString("spreadsheetml"));
    }

    @Test
    void others_plans_and_drafts_are_absent_for_those_who_may_not_see_them() {
        long draft = newPlan(fixtures.managersCustomer(), PlanFixtures.freshWeek());
        Api.as(CUSTOMER).get("/api/supply-plans/{id}", draft).then().statusCode(404);
        Api.as(ADMIN).get("/api/supply-plans/{id}", draft).then().statusCode(200);
        long foreign = Api.as(ADMIN).body(Map.of("customerId", fixtures.otherCustomer(), "eventType", "EXAM",
                        "eventName", "他人预案", "level", "SECOND", "startsAt", PlanFixtures.freshWeek().toString(),
                        "endsAt", PlanFixtures.freshWeek().plusYears(1).toString()))
                .post("/api/supply-plans").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as(MANAGER).get("/api/supply-plans/{id}", foreign).then().statusCode(404);
        Api.as(MANAGER).get("/api/supply-plans/{id}/tasks", foreign).then().statusCode(404);
        Api.as(SCHEDULER).body(Map.of("action", "SUBMIT")).post("/api/supply-plans/{id}/transitions", draft)
                .then().statusCode(403);
        Api.as(MANAGER).body(Map.of("customerId", fixtures.managersCustomer())).post("/api/supply-plans")
                .then().statusCode(422);
        Api.as(MANAGER).queryParam("status", "nonsense").get("/api/supply-plans").then().statusCode(400);
    }
}
