package cn.keyaccount.base;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What the load balancer asks a node (docs/monitoring.md): open without sign-in, on the application port. */
@QuarkusTest
class ReadinessTest {

    @Test
    void readiness_answers_without_sign_in_with_the_database_and_the_sms_link() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'SMS centre link' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'SMS centre link' }.data.state",
                        anyOf(equalTo("idle"), equalTo("bound"), equalTo("down")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
