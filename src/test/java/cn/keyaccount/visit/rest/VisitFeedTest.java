package cn.keyaccount.visit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.StringReader;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VisitFeedTest {

    private static String feedPath(String url) {
        return url.substring(url.indexOf("/api/visit-feed/"));
    }

    @Test
    void the_managers_feed_parses_back_as_icalendar_in_shanghai_time_and_a_renewed_token_revokes_the_old_url()
            throws Exception {
        String path = feedPath(Api.as(Login.MANAGER).get("/api/visit-feed-url").then().statusCode(200).extract()
                .jsonPath().getString("url"));
        String ics = RestAssured.given().get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertEquals("Asia/Shanghai", zones.getFirst().getProperty("TZID").orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertFalse(events.isEmpty(), "the demo manager has visits");
        VEvent first = events.getFirst();
        DtStart<?> dtStart = first.getStartDate().orElseThrow();
        assertEquals("Asia/Shanghai", dtStart.getParameter("TZID").orElseThrow().getValue());
        ZonedDateTime start = (ZonedDateTime) dtStart.getDate();
        assertEquals(java.time.ZoneOffset.ofHours(8), start.getOffset(), "China Standard Time");
        assertTrue(first.getProperty("SUMMARY").orElseThrow().getValue().startsWith("走访 "));
        assertTrue(first.getUid().orElseThrow().getValue().startsWith("visit-"));

        String renewed = feedPath(Api.as(Login.MANAGER).post("/api/visit-feed-url").then().statusCode(200)
                .extract().jsonPath().getString("url"));
        RestAssured.given().get(path).then().statusCode(404);
        RestAssured.given().get(renewed).then().statusCode(200);
    }

    @Test
    void an_unknown_token_finds_no_feed() {
        RestAssured.given().get("/api/visit-feed/" + "0".repeat(48) + ".ics").then().statusCode(404);
    }
}
