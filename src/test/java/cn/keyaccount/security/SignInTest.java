package cn.keyaccount.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInTest {

    @Test
    void a_demo_user_signs_in_over_basic_auth_and_sees_who_they_are() {
        given().auth().preemptive().basic(Login.MANAGER.username, Login.MANAGER.password)
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("manager"))
                .body("role", equalTo("ACCOUNT_MANAGER"));
    }

    @Test
    void an_anonymous_api_call_is_refused_with_401() {
        given().when().get("/api/me").then().statusCode(401);
    }

    @Test
    void form_login_sets_the_session_cookie_and_the_landing_page_opens() {
        String cookie = given().redirects().follow(false)
                .formParam("j_username", Login.SUPERVISOR.username)
                .formParam("j_password", Login.SUPERVISOR.password)
                .when().post("/j_security_check")
                .then().statusCode(302)
                .extract().cookie("quarkus-credential");
        org.junit.jupiter.api.Assertions.assertNotNull(cookie);
    }

    @Test
    void the_login_page_is_served_to_anonymous_users() {
        given().when().get("/login").then().statusCode(200);
    }
}
