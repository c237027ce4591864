package cn.keyaccount.assignment.rest;

import static cn.keyaccount.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentResourceTest {

    @Test
    void a_supervisor_reassigns_a_customer_and_the_history_shows_it_first() {
        Set<Long> managersOwn = Set.copyOf(Api.visibleCustomerIds(Login.MANAGER));
        long id = Api.visibleCustomerIds(Login.SUPERVISOR).stream().filter(x -> !managersOwn.contains(x))
                .findFirst().orElseThrow();
        Number managerId = (Number) Api.customer(Login.SUPERVISOR, id).get("managerId");
        String reason = "接口测试：片区调整 " + System.nanoTime();

        as(Login.SUPERVISOR).body(Map.of("customerIds", List.of(id), "managerId", managerId, "reason", reason))
                .post("/api/assignments")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].customerId", equalTo((int) id)).body("[0].validTo", nullValue())
                .body("[0].assignedBy", equalTo("supervisor"));

        as(Login.SUPERVISOR).get("/api/customers/{id}/assignments", id)
                .then().statusCode(200).body("[0].reason", equalTo(reason)).body("[0].validTo", nullValue())
                .body("[1].validTo", not(nullValue()));
    }

    @Test
    void a_reassignment_without_a_reason_is_refused_with_422_naming_the_field() {
        long id = Api.visibleCustomerIds(Login.SUPERVISOR).getFirst();
        Number managerId = (Number) Api.customer(Login.SUPERVISOR, id).get("managerId");
        as(Login.SUPERVISOR).body(Map.of("customerIds", List.of(id), "managerId", managerId))
                .post("/api/assignments")
                .then().statusCode(422).body("fields.field", org.hamcrest.Matchers.hasItem("reason"));
    }

    @Test
    void the_workload_list_shows_the_demo_manager() {
        as(Login.SUPERVISOR).get("/api/managers").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.hasItem("manager"));
    }
}
