package cn.keyaccount.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Browser-protection headers on every kind of response, cookie flags, and who may read the API description. */
@QuarkusTest
class SecurityHeadersTest {

    private static void hasSecurityHeaders(ValidatableResponse response) {
        response.header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"));
    }

    @Test
    void a_page_an_api_call_and_a_static_resource_carry_the_security_headers_and_no_hsts_over_plain_http() {
        hasSecurityHeaders(given().get("/login").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue()));
        hasSecurityHeaders(given().auth().preemptive().basic(Login.MANAGER.username, Login.MANAGER.password)
                .get("/api/me").then().statusCode(200).header("Strict-Transport-Security", nullValue()));
        hasSecurityHeaders(given().get("/styles.css").then().statusCode(200));
        hasSecurityHeaders(given().get("/api/me").then().statusCode(401));
    }

    @Test
    void behind_a_tls_proxy_hsts_is_sent_and_both_session_cookies_are_secure() {
        given().header("X-Forwarded-Proto", "https").get("/login").then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age="));
        Response signIn = given().header("X-Forwarded-Proto", "https").redirects().follow(false)
                .formParam("j_username", Login.SUPERVISOR.username)
                .formParam("j_password", Login.SUPERVISOR.password)
                .when().post("/j_security_check");
        String credential = setCookie(signIn, "quarkus-credential");
        assertTrue(credential.contains("Secure"), credential);
        assertTrue(credential.toLowerCase(java.util.Locale.ROOT).contains("httponly"), credential);
        assertTrue(credential.contains("SameSite=Strict"), credential);
        String session = setCookie(given().header("X-Forwarded-Proto", "https").get("/login"), "JSESSIONID");
        assertTrue(session.contains("Secure"), session);
    }

    @Test
    void the_vaadin_session_cookie_is_http_only_and_same_site_and_not_secure_over_plain_http() {
        String session = setCookie(given().get("/login"), "JSESSIONID");
        assertTrue(session.contains("HttpOnly"), session);
        assertTrue(session.contains("SameSite=Strict"), session);
        assertTrue(!session.contains("Secure"), session);
    }

    private static String setCookie(Response response, String name) {
        List<String> cookies = response.headers().getValues("Set-Cookie");
        String found = cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        assertNotNull(found, name + " among " + cookies);
        return found;
    }

    @Test
    void the_swagger_ui_and_the_openapi_document_are_for_signed_in_administrators_only() {
        for (String path : List.of("/q/swagger-ui/", "/q/openapi")) {
            given().redirects().follow(false).get(path).then().statusCode(not(equalTo(200)));
            given().auth().preemptive().basic(Login.MANAGER.username, Login.MANAGER.password).get(path)
                    .then().statusCode(403);
            given().auth().preemptive().basic(Login.ADMIN.username, Login.ADMIN.password).get(path)
                    .then().statusCode(200).body(notNullValue());
        }
        for (String path : List.of("/q/openapi.json", "/q/openapi.yaml", "/q/openapi?format=json")) {
            given().redirects().follow(false).get(path).then().statusCode(not(equalTo(200)));
        }
        String cookie = SessionRevocationTest.signInWithForm(Login.ADMIN.username, Login.ADMIN.password);
        given().cookie("quarkus-credential", cookie).get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger"));
    }
}
