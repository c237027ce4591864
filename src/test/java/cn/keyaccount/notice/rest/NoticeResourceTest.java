package cn.keyaccount.notice.rest;

import static cn.keyaccount.demo.DemoDataGenerator.Login.ADMIN;
import static cn.keyaccount.demo.DemoDataGenerator.Login.CUSTOMER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.MANAGER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SCHEDULER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.STATION_SUPERVISOR;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SUPERVISOR;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditEntry;
import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the notice centre does with one message, through the API with real sign-ins: retry a failed message, decide
 * an uncertain one (send again, or count as sent), with the notice centre's access rules and audit.
 */
@QuarkusTest
class NoticeResourceTest {

    private static final String RETRY = "/api/notices/{id}/messages/{messageId}/retry";
    private static final String DECISION = "/api/notices/{id}/messages/{messageId}/decision";
    /** A message put back in the queue: waiting, or already taken by the dispatcher and delivered to the portal. */
    private static final Set<String> AGAIN = Set.of("SCHEDULED", "SENDING", "DELIVERED");

    @Inject
    EntityManager em;
    @Inject
    AuditService audit;

    /** A notice of the scheduler's and its messages, in the order they were fanned out. */
    private record Scheduled(long id, List<Long> messages) {
    }

    /**
     * A portal notice from the scheduler, due in a year, to customers that are not the demo customer's own (a
     * message put back in the queue is delivered at once, and must not show up in that customer's inbox).
     */
    private static Scheduled portalNotice(int customers) {
        Set<Long> portalUsers = Set.copyOf(Api.visibleCustomerIds(CUSTOMER));
        List<Long> to = Api.visibleCustomerIds(SCHEDULER).stream().filter(id -> !portalUsers.contains(id)).skip(40)
                .limit(customers).toList();
        long id = Api.as(SCHEDULER).body(Map.of("purpose", "GENERAL", "template", "general",
                        "title", "接口测试单条消息", "channels", List.of("PORTAL"), "customerIds", to,
                        "parameters", Map.of("title", "接口", "text", "单条消息操作"),
                        "plannedAt", OffsetDateTime.now().plusYears(1).toString()))
                .post("/api/notices").then().statusCode(201).extract().jsonPath().getLong("id");
        List<Long> messages = Api.as(SCHEDULER).get("/api/notices/{id}/messages", id).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
        assertEquals(customers, messages.size());
        return new Scheduled(id, messages);
    }

    /** Puts a message in a state, as the dispatcher (FAILED) or a crash recovery (UNCERTAIN) would have left it. */
    private void leave(long messageId, String state) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update notice_message set state = ?1, "
                        + "attempts = 1, submit_started_at = now(), error = 'left by the test' where id = ?2")
                .setParameter(1, state).setParameter(2, messageId).executeUpdate());
    }

    private static String stateOf(Scheduled n, long messageId) {
        JsonPath page = Api.as(SCHEDULER).get("/api/notices/{id}/messages", n.id()).then().statusCode(200).extract()
                .jsonPath();
        return page.getString("items.find { it.id == " + messageId + " }.state");
    }

    private List<AuditEntry> trail(String action, Scheduled n) {
        return audit.find(new AuditQuery(null, null, null, action, null, null), 0, 500).stream()
                .filter(e -> e.entityId() != null && e.entityId() == n.id()).toList();
    }

    @Test
    void a_scheduler_retries_a_failed_message_and_decides_uncertain_ones_as_in_the_notice_centre() {
        Scheduled n = portalNotice(4);
        long failed = n.messages().get(0);
        long counted = n.messages().get(1);
        long resent = n.messages().get(2);
        long waiting = n.messages().get(3);
        leave(failed, "FAILED");
        leave(counted, "UNCERTAIN");
        leave(resent, "UNCERTAIN");

        JsonPath retried = Api.as(SCHEDULER).post(RETRY, n.id(), failed).then().statusCode(200).extract().jsonPath();
        assertEquals(failed, retried.getLong("id"));
        assertTrue(AGAIN.contains(retried.getString("state")), "back in the queue, or sent again since");
        Api.as(SCHEDULER).post(RETRY, n.id(), failed).then().statusCode(409).body("error", equalTo("conflict"));

        JsonPath sent = Api.as(SCHEDULER).body(Map.of("resend", false)).post(DECISION, n.id(), counted).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("SENT", sent.getString("state"));
        assertTrue(sent.getString("error").contains("scheduler"), sent.getString("error"));
        JsonPath again = Api.as(SCHEDULER).body(Map.of("resend", true)).post(DECISION, n.id(), resent).then()
                .statusCode(200).extract().jsonPath();
        assertTrue(AGAIN.contains(again.getString("state")), again.getString("state"));

        Api.as(SCHEDULER).body(Map.of("resend", true)).post(DECISION, n.id(), counted).then().statusCode(409)
                .body("message", equalTo("Message " + counted + " is not uncertain (a receipt or someone else may "
                        + "have settled it)."));
        Api.as(SCHEDULER).post(RETRY, n.id(), counted).then().statusCode(409);
        Api.as(SCHEDULER).post(RETRY, n.id(), waiting).then().statusCode(409);
        Api.as(SCHEDULER).body(Map.of("resend", false)).post(DECISION, n.id(), waiting).then().statusCode(409);
        assertEquals("SCHEDULED", stateOf(n, waiting), "refused: nothing changed");

        assertEquals(1, trail("NOTICE_RETRIED", n).size(), "one retry recorded, the refused one not");
        assertTrue(trail("NOTICE_RETRIED", n).getFirst().summary().endsWith("#" + failed));
        assertEquals("scheduler", trail("NOTICE_RETRIED", n).getFirst().actor());
        assertEquals(1, trail("NOTICE_UNCERTAIN_COUNTED_SENT", n).size());
        assertTrue(trail("NOTICE_UNCERTAIN_COUNTED_SENT", n).getFirst().summary().endsWith("#" + counted));
        assertEquals(1, trail("NOTICE_UNCERTAIN_RESENT", n).size());
        assertTrue(trail("NOTICE_UNCERTAIN_RESENT", n).getFirst().summary().endsWith("#" + resent));
    }

    @Test
    void only_who_may_follow_the_notice_may_act_on_its_messages() {
        Scheduled n = portalNotice(2);
        long failed = n.messages().get(0);
        long uncertain = n.messages().get(1);
        leave(failed, "FAILED");
        leave(uncertain, "UNCERTAIN");
        long elsewhere = portalNotice(1).messages().getFirst();

        for (Login outOfReach : List.of(MANAGER, STATION_SUPERVISOR)) {
            Api.as(outOfReach).post(RETRY, n.id(), failed).then().statusCode(404).body("error", equalTo("not_found"));
            Api.as(outOfReach).body(Map.of("resend", true)).post(DECISION, n.id(), uncertain).then().statusCode(404);
        }
        Api.as(CUSTOMER).post(RETRY, n.id(), failed).then().statusCode(403);
        Api.as(CUSTOMER).body(Map.of("resend", true)).post(DECISION, n.id(), uncertain).then().statusCode(403);
        Api.as(null).post(RETRY, n.id(), failed).then().statusCode(401);
        Api.as(null).body(Map.of("resend", true)).post(DECISION, n.id(), uncertain).then().statusCode(401);
        Api.as(SCHEDULER).post(RETRY, n.id(), elsewhere).then().statusCode(404)
                .body("message", equalTo("The notice has no message " + elsewhere));
        Api.as(SCHEDULER).body(Map.of("resend", false)).post(DECISION, n.id(), elsewhere).then().statusCode(404);
        Api.as(SCHEDULER).post(RETRY, 0, failed).then().statusCode(404);
        assertEquals("FAILED", stateOf(n, failed), "refused: nothing changed");
        assertEquals("UNCERTAIN", stateOf(n, uncertain));
        assertEquals(0, trail("NOTICE_RETRIED", n).size());

        Api.as(SUPERVISOR).body(Map.of("resend", false)).post(DECISION, n.id(), uncertain).then().statusCode(200)
                .body("state", equalTo("SENT"));
        assertTrue(AGAIN.contains(Api.as(ADMIN).post(RETRY, n.id(), failed).then().statusCode(200).extract()
                .jsonPath().getString("state")));
    }

    @Test
    void a_decision_without_resend_is_refused_and_changes_nothing() {
        Scheduled n = portalNotice(1);
        long uncertain = n.messages().getFirst();
        leave(uncertain, "UNCERTAIN");

        Api.as(SCHEDULER).body(Map.of()).post(DECISION, n.id(), uncertain).then().statusCode(422)
                .body("fields[0].field", equalTo("resend"));
        Api.as(SCHEDULER).body("{\"resend\": null}").post(DECISION, n.id(), uncertain).then().statusCode(422);
        Api.as(SCHEDULER).body("{\"resend\": \"perhaps\"}").post(DECISION, n.id(), uncertain).then()
                .statusCode(400).body("fields[0].field", equalTo("resend"));
        Api.as(SCHEDULER).post(DECISION, n.id(), uncertain).then().statusCode(400);
        assertEquals("UNCERTAIN", stateOf(n, uncertain));
        assertEquals(0, trail("NOTICE_UNCERTAIN_RESENT", n).size() + trail("NOTICE_UNCERTAIN_COUNTED_SENT", n).size());
    }
}
