package cn.keyaccount.servicerequest.repair;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import cn.keyaccount.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The repair green channel end to end over REST, with the demo crew's real sign-in. */
@QuarkusTest
class RepairGreenChannelTest {

    @Inject
    EntityManager em;
    @Inject
    TestClock time;

    @AfterEach
    void realTime() {
        time.reset();
    }

    /** A customer of the demo crew's unit (城关所) that the demo manager looks after. */
    private long crewCustomer() {
        return em.createQuery("select c.id from Customer c where c.manager.username = 'manager' and c.unit.id = "
                + "(select u.unit.id from AppUser u where u.username = 'crew') order by c.id desc", Long.class)
                .setMaxResults(1).getSingleResult();
    }

    private long repairCall(Login who, long customerId, String subject) {
        return Api.as(who).body(Map.of("customerId", customerId, "type", "REPAIR", "area", "URBAN",
                        "subject", subject)).post("/api/service-requests")
                .then().statusCode(201).extract().jsonPath().getLong("request.id");
    }

    private JsonPath repairOf(long requestId) {
        return Api.as(Login.MANAGER).queryParam("requestId", requestId).get("/api/repairs/of-request").then().statusCode(200)
                .extract().jsonPath();
    }

    private io.restassured.response.Response report(long repairId, String step, Object at, String cause) {
        Map<String, Object> body = new HashMap<>();
        body.put("step", step);
        if (at != null) {
            body.put("at", at.toString());
        }
        if (cause != null) {
            body.put("cause", cause);
        }
        return Api.as(Login.CREW).body(body).post("/api/repairs/{id}/steps", repairId);
    }

    private List<Object[]> messages(String dedupeKey) {
        return em.createNativeQuery("select m.channel, m.urgent, m.customer_id, m.user_id, n.template from notice n "
                + "join notice_message m on m.notice_id = n.id where n.dedupe_key = ?1", Object[].class)
                .setParameter(1, dedupeKey).getResultList();
    }

    @Test
    void a_key_customers_repair_goes_to_the_crew_of_its_unit_at_once_and_the_customer_and_manager_hear_of_it() {
        long customer = crewCustomer();
        long request = repairCall(Login.MANAGER, customer, "绿色通道派单" + System.nanoTime());
        JsonPath repair = repairOf(request);
        assertEquals("DISPATCHED", repair.getString("step"));
        assertEquals("城关抢修一班", repair.getString("crewName"), "the crew of the customer's station");
        long id = repair.getLong("id");
        List<Object[]> told = messages("repair:" + id + ":DISPATCHED");
        assertFalse(told.isEmpty(), "the customer's contacts are told");
        assertTrue(told.stream().allMatch(m -> Boolean.TRUE.equals(m[1])), "urgently: quiet hours do not hold it");
        // by SMS (to the contacts who take SMS: another test may have switched this customer's off) and the portal
        // inbox, never by e-mail
        java.util.Set<String> channels = told.stream().map(m -> (String) m[0])
                .collect(java.util.stream.Collectors.toSet());
        assertTrue(channels.contains("PORTAL") && java.util.Set.of("SMS", "PORTAL").containsAll(channels),
                "by SMS and the portal inbox, no e-mail: " + channels);
        List<Object[]> manager = messages("repair:" + id + ":DISPATCHED:manager");
        assertFalse(manager.isEmpty(), "and the manager");
        long managerId = em.createQuery("select u.id from AppUser u where u.username = 'manager'", Long.class)
                .getSingleResult();
        assertTrue(manager.stream().allMatch(m -> m[3] != null && ((Number) m[3]).longValue() == managerId
                && Boolean.TRUE.equals(m[1])));
        List<Long> mine = Api.as(Login.CREW).get("/api/repairs/mine").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
        assertTrue(mine.contains(id), "the crew finds it in its list");
    }

    @Test
    void arrived_before_dispatched_is_refused_with_both_times_and_steps_only_move_forward() {
        ZonedDateTime start = ZonedDateTime.now(time.zone()).truncatedTo(ChronoUnit.MINUTES).minusHours(2);
        time.set(start);
        long request = repairCall(Login.MANAGER, crewCustomer(), "时间倒退" + System.nanoTime());
        long id = repairOf(request).getLong("id");
        time.set(start.plusMinutes(20));
        report(id, "ARRIVED", start.minusMinutes(5).toOffsetDateTime(), null).then().statusCode(422)
                .body("fields[0].field", org.hamcrest.Matchers.equalTo("at"))
                .body("fields[0].message", containsString("arrival time"))
                .body("fields[0].message", containsString("before the dispatch time"))
                .body("fields[0].message", containsString(start.toLocalTime().toString()));
        report(id, "ACCEPTED", null, null).then().statusCode(200).body("step", org.hamcrest.Matchers.equalTo(
                "ACCEPTED"));
        report(id, "ON_THE_WAY", start.plusMinutes(10).toOffsetDateTime(), null).then().statusCode(422)
                .body("fields[0].message", containsString("before the acceptance time"));
        report(id, "ACCEPTED", null, null).then().statusCode(409);
        report(id, "ARRIVED", start.plusHours(1).toOffsetDateTime(), null).then().statusCode(422)
                .body("fields[0].message", containsString("later than now"));
        report(id, "CAUSE_FOUND", null, null).then().statusCode(422).body("fields[0].field",
                org.hamcrest.Matchers.equalTo("cause"));
        Api.as(Login.MANAGER).body(Map.of("step", "ARRIVED")).post("/api/repairs/{id}/steps", id).then()
                .statusCode(403);
    }

    @Test
    void arrival_stops_the_on_site_clock_and_restoration_closes_the_request_with_the_cause() {
        ZonedDateTime start = ZonedDateTime.now(time.zone()).truncatedTo(ChronoUnit.MINUTES).minusHours(3);
        time.set(start);
        long request = repairCall(Login.MANAGER, crewCustomer(), "计时" + System.nanoTime());
        long id = repairOf(request).getLong("id");
        time.set(start.plusMinutes(2));
        report(id, "ACCEPTED", null, null).then().statusCode(200);
        assertEquals("IN_PROGRESS", Api.as(Login.MANAGER).get("/api/service-requests/{id}", request).then()
                .statusCode(200).extract().path("request.status"), "accepting starts the request");
        time.set(start.plusMinutes(50));
        OffsetDateTime arrived = start.plusMinutes(38).toOffsetDateTime();
        report(id, "ARRIVED", arrived, null).then().statusCode(200);
        report(id, "CAUSE_FOUND", null, "进线电缆终端头击穿").then().statusCode(200);
        time.set(start.plusMinutes(150));
        report(id, "RESTORED", null, null).then().statusCode(200).body("nextSteps.size()",
                org.hamcrest.Matchers.equalTo(0));
        JsonPath r = Api.as(Login.MANAGER).get("/api/service-requests/{id}", request).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(arrived.toInstant(), OffsetDateTime.parse(r.getString("respondedAt")).toInstant(),
                "the on-site clock stops at the arrival the crew reported, not when it was typed");
        assertEquals("CLOSED", r.getString("request.status"));
        JsonPath done = repairOf(request);
        OffsetDateTime restored = OffsetDateTime.parse(done.getString("steps.find { it.step == 'RESTORED' }.at"));
        assertEquals(restored.toInstant(), OffsetDateTime.parse(r.getString("request.closedAt")).toInstant(),
                "the restoration clock stops when power came back");
        assertEquals("Power restored. Cause of the fault: 进线电缆终端头击穿", r.getString("answer"),
                "the answer in the caller's language (English here), the cause as the crew typed it");
        assertEquals("request.answer.repair-restored-cause", r.getString("answerKey"));
        assertEquals("进线电缆终端头击穿", r.getString("answerArgument"));
        assertEquals("Power restored. Cause of the fault: 进线电缆终端头击穿",
                r.getString("events.find { it.kind == 'CLOSED' }.note"), "the history's closing too");
        assertEquals("已恢复供电。故障原因：进线电缆终端头击穿", io.restassured.RestAssured.given()
                .auth().preemptive().basic(Login.MANAGER.username, Login.MANAGER.password)
                .header("Accept-Language", "zh-CN").get("/api/service-requests/{id}", request).then().statusCode(200)
                .extract().path("answer"), "and in Chinese for a Chinese caller");
        report(id, "RESTORED", null, null).then().statusCode(409);
        assertFalse(messages("repair:" + id + ":RESTORED").isEmpty(), "restoration is told too");
    }

    @Test
    void a_photo_is_stored_when_its_bytes_are_an_image_of_bounded_size_and_refused_otherwise() {
        long request = repairCall(Login.MANAGER, crewCustomer(), "照片" + System.nanoTime());
        long id = repairOf(request).getLong("id");
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, png, 0, 8);
        long photo = Api.as(Login.CREW).contentType("image/png").body(png).post("/api/repairs/{id}/photos", id)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        byte[] back = Api.as(Login.CREW).accept("*/*").get("/api/repairs/{id}/photos/{p}", id, photo).then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(png, back);
        Api.as(Login.MANAGER).accept("*/*").get("/api/repairs/{id}/photos/{p}", id, photo).then().statusCode(200);
        Api.as(Login.CREW).contentType("image/png").body("<html><script>x</script>".getBytes())
                .post("/api/repairs/{id}/photos", id).then().statusCode(422)
                .body("fields[0].message", containsString("JPEG, PNG or WebP"));
        byte[] huge = new byte[RepairService.MAX_PHOTO_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        Api.as(Login.CREW).contentType(ContentType.BINARY).body(huge).post("/api/repairs/{id}/photos", id).then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(422),
                        org.hamcrest.Matchers.is(413)));
        Api.as(Login.CREW).contentType(ContentType.BINARY).body(new byte[0]).post("/api/repairs/{id}/photos", id)
                .then().statusCode(422);
        assertEquals(1, repairOf(request).getList("photos").size());
    }

    @Test
    void a_crew_reads_its_own_repairs_and_no_other_request_customer_outage_or_repair() {
        long ownRequest = repairCall(Login.MANAGER, crewCustomer(), "本班" + System.nanoTime());
        Api.as(Login.CREW).get("/api/repairs/{id}", repairOf(ownRequest).getLong("id")).then().statusCode(200);
        long elsewhere = em.createQuery("select c.id from Customer c where c.unit.id <> (select u.unit.id from "
                + "AppUser u where u.username = 'crew') order by c.id", Long.class).setMaxResults(1)
                .getSingleResult();
        long otherRequest = repairCall(Login.ADMIN, elsewhere, "他班" + System.nanoTime());
        long otherRepair = Api.as(Login.ADMIN).queryParam("requestId", otherRequest).get("/api/repairs/of-request").then()
                .statusCode(200).extract().jsonPath().getLong("id");
        Api.as(Login.CREW).get("/api/repairs/{id}", otherRepair).then().statusCode(404);
        Api.as(Login.CREW).body(Map.of("step", "ACCEPTED")).post("/api/repairs/{id}/steps", otherRepair).then()
                .statusCode(404);
        for (String path : Arrays.asList("/api/customers", "/api/customers/" + elsewhere, "/api/service-requests",
                "/api/service-requests/" + ownRequest, "/api/service-requests/inbox", "/api/outages", "/api/visits",
                "/api/notices", "/api/supply-plans", "/api/repair-crews",
                "/api/repairs/of-request?requestId=" + ownRequest, "/api/users")) {
            int status = Api.as(Login.CREW).get(path).then().extract().statusCode();
            assertEquals(403, status, path + " is closed to a crew");
        }
        Api.as(Login.CREW).body(Map.of("customerId", elsewhere, "type", "REPAIR", "subject", "x"))
                .post("/api/service-requests").then().statusCode(403);
        Api.as(Login.CREW).get("/api/me").then().statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void when_a_fault_outages_power_is_restored_its_linked_repairs_close_together_with_its_note() {
        long customer = crewCustomer();
        List<Map<String, Object>> lines = (List<Map<String, Object>>) Api.customer(Login.MANAGER, customer)
                .get("lines");
        java.time.OffsetDateTime start = java.time.OffsetDateTime.now().minusMinutes(5).withNano(0);
        String location = Api.as(Login.SCHEDULER).body(Map.of("kind", "FAULT", "title", "线路跳闸", "reason", "故障",
                        "startsAt", start.toString(), "endsAt", start.plusHours(4).toString(),
                        "lineIds", List.of(lines.getFirst().get("id"))))
                .post("/api/outages").then().statusCode(201).extract().header("Location");
        long outage = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long request = repairCall(Login.MANAGER, customer, "整条线路失电");
        assertEquals(outage, repairOf(request).getLong("outageId"), "linked to the fault on its line");

        Api.as(Login.MANAGER).body(Map.of()).post("/api/outages/{id}/restored", outage).then().statusCode(403);
        Api.as(Login.SCHEDULER).body(Map.of("at", start.minusMinutes(1).toString()))
                .post("/api/outages/{id}/restored", outage).then().statusCode(422)
                .body("fields.field", org.hamcrest.Matchers.hasItem("at"));
        Api.as(Login.SCHEDULER).body(Map.of("note", "10kV 线路跳闸，巡线后合闸成功"))
                .post("/api/outages/{id}/restored", outage).then().statusCode(200)
                .body("restoredNote", org.hamcrest.Matchers.equalTo("10kV 线路跳闸，巡线后合闸成功"))
                .body("restorable", org.hamcrest.Matchers.equalTo(false));

        assertEquals("RESTORED", repairOf(request).getString("step"), "the repair closed with the fault");
        JsonPath closed = Api.as(Login.MANAGER).get("/api/service-requests/{id}", request).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("CLOSED", closed.getString("request.status"));
        assertEquals("Power restored together with the fault outage. 10kV 线路跳闸，巡线后合闸成功",
                closed.getString("answer"), "in the caller's language, the fault's note as typed");
        assertEquals("request.answer.fault-restored-note", closed.getString("answerKey"));
        Api.as(Login.SCHEDULER).body(Map.of()).post("/api/outages/{id}/restored", outage).then().statusCode(409);
    }

    @Test
    void the_demo_repair_on_a_fault_outages_line_is_linked_to_it() {
        List<Map<String, Object>> mine = Api.as(Login.CREW).get("/api/repairs/mine").then().statusCode(200)
                .extract().jsonPath().getList("");
        Map<String, Object> linked = mine.stream().filter(r -> r.get("outageId") != null).findFirst()
                .orElseThrow(() -> new AssertionError("no demo repair linked to a fault outage: " + mine));
        long outage = ((Number) linked.get("outageId")).longValue();
        assertEquals("FAULT", Api.as(Login.ADMIN).get("/api/outages/{id}", outage).then().statusCode(200)
                .extract().path("kind"));
        assertEquals("ON_THE_WAY", linked.get("step"));
        assertNotNull(linked.get("crewName"));
    }
}
