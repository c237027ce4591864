package cn.keyaccount.visit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed link comes from the configured public address, and its events follow RFC 5545 to the letter. */
@QuarkusTest
class VisitFeedUrlTest {

    @Test
    void the_feed_url_is_built_from_the_public_base_url_and_ignores_a_forged_host_header() {
        String url = Api.as(Login.MANAGER).header("Host", "evil.example").get("/api/visit-feed-url").then()
                .statusCode(200).extract().jsonPath().getString("url");

        assertTrue(url.startsWith("http://localhost:8080/api/visit-feed/"), url);
        assertFalse(url.contains("evil"), url);
        String renewed = Api.as(Login.MANAGER).header("Host", "evil.example").post("/api/visit-feed-url").then()
                .statusCode(200).extract().jsonPath().getString("url");
        assertTrue(renewed.startsWith("http://localhost:8080/api/visit-feed/"), renewed);
    }

    @Test
    void each_event_of_the_feed_has_exactly_one_dtstamp() {
        String url = Api.as(Login.MANAGER).get("/api/visit-feed-url").then().statusCode(200).extract().jsonPath()
                .getString("url");
        String ics = RestAssured.given().get(url.substring(url.indexOf("/api/visit-feed/"))).then().statusCode(200)
                .extract().asString();

        List<String> events = Arrays.stream(ics.split("BEGIN:VEVENT")).skip(1)
                .map(e -> e.substring(0, e.indexOf("END:VEVENT"))).toList();
        assertFalse(events.isEmpty(), "the demo manager has visits");
        for (String event : events) {
            assertEquals(1, event.lines().filter(l -> l.startsWith("DTSTAMP")).count(), event);
        }
    }
}
