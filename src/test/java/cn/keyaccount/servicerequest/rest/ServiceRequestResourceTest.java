package cn.keyaccount.servicerequest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceRequestResourceTest {

    private static long raise(Login login, String type, String subject) {
        return raise(login, Map.of("type", type, "subject", subject));
    }

    private static long raise(Login login, Map<String, Object> draft) {
        Map<String, Object> body = new HashMap<>(draft);
        body.put("customerId", Api.visibleCustomerIds(login).getFirst());
        var created = Api.as(login).body(body).post("/api/service-requests").then().statusCode(201).extract();
        long id = created.jsonPath().getLong("request.id");
        assertTrue(created.header("Location").endsWith("/api/service-requests/" + id));
        return id;
    }

    @Test
    void a_manager_takes_a_call_hands_it_on_and_the_answer_closes_it_with_the_history_kept() {
        long id = raise(Login.MANAGER, "REPAIR", "接口报修：电缆头放电");
        JsonPath read = Api.as(Login.MANAGER).get("/api/service-requests/{id}", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("PHONE", read.getString("request.source"));
        long version = read.getLong("version");
        Api.as(Login.MANAGER).body(Map.of()).post("/api/service-requests/{id}/start", id).then().statusCode(428);
        version = Api.as(Login.MANAGER).body(Map.of("version", version)).post("/api/service-requests/{id}/start", id)
                .then().statusCode(200).extract().jsonPath().getLong("version");
        Api.as(Login.MANAGER).body(Map.of("text", "已通知抢修班")).post("/api/service-requests/{id}/comments", id)
                .then().statusCode(200);
        Api.as(Login.MANAGER).body(Map.of("answer", " ", "version", version))
                .post("/api/service-requests/{id}/close", id).then().statusCode(422);
        JsonPath closed = Api.as(Login.MANAGER).body(Map.of("answer", "已更换电缆终端头，恢复供电", "version", version))
                .post("/api/service-requests/{id}/close", id).then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", closed.getString("request.status"));
        assertEquals(4, closed.getList("events").size());
        Api.as(Login.MANAGER).body(Map.of("text", "再补充")).post("/api/service-requests/{id}/comments", id)
                .then().statusCode(409);
        Api.as(Login.MANAGER).body(Map.of("reason", "客户反映仍有异味", "version", closed.getLong("version")))
                .post("/api/service-requests/{id}/reopen", id).then().statusCode(200);
    }

    @Test
    void a_complaint_about_the_manager_is_refused_to_them_and_closed_by_their_supervisor() {
        long id = raise(Login.MANAGER, "COMPLAINT", "接口投诉：答复不及时");
        Api.as(Login.MANAGER).body(Map.of("answer", "已处理", "version", 0))
                .post("/api/service-requests/{id}/close", id).then().statusCode(403);
        Api.as(Login.SUPERVISOR).body(Map.of("answer", "已约谈并致歉", "version", 0))
                .post("/api/service-requests/{id}/close", id).then().statusCode(200);
    }

    @Test
    void the_list_takes_its_filters_strictly_and_the_inbox_lists_what_the_caller_owns() {
        String subject = "接口检索" + System.nanoTime();
        long id = raise(Login.MANAGER, "QUESTION", subject);
        JsonPath page = Api.as(Login.MANAGER).queryParam("text", subject).queryParam("type", "QUESTION")
                .queryParam("open", "true").get("/api/service-requests").then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getInt("total"));
        assertEquals(id, page.getLong("items[0].id"));
        Api.as(Login.MANAGER).queryParam("open", "yes").get("/api/service-requests").then().statusCode(400);
        Api.as(Login.MANAGER).queryParam("type", "REPAIRS").get("/api/service-requests").then().statusCode(400);
        assertTrue(Api.as(Login.MANAGER).get("/api/service-requests/inbox").then().statusCode(200).extract()
                .jsonPath().getList("id", Long.class).contains(id));
    }

    @Test
    void a_customer_raises_a_request_from_the_portal_and_follows_it() {
        Map<String, Object> service = Map.of("type", "SERVICE", "subject", "门户申请：电能质量测试");
        Api.as(Login.CUSTOMER).body(Map.of("customerId", Api.visibleCustomerIds(Login.CUSTOMER).getFirst(),
                "type", "SERVICE", "subject", "缺申请事项")).post("/api/service-requests").then().statusCode(422);
        Map<String, Object> withKind = new HashMap<>(service);
        withKind.put("serviceKind", "POWER_QUALITY");
        long id = raise(Login.CUSTOMER, withKind);
        JsonPath seen = Api.as(Login.CUSTOMER).get("/api/service-requests/{id}", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("PORTAL", seen.getString("request.source"));
        Api.as(Login.CUSTOMER).body(Map.of("text", "催办")).post("/api/service-requests/{id}/comments", id)
                .then().statusCode(403);
    }

    @Test
    void a_visits_demands_become_one_request_with_its_location_and_a_second_post_answers_the_same() {
        long visit = Api.as(Login.MANAGER).queryParam("show", "DONE").queryParam("size", 200).get("/api/visits")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class).stream()
                .filter(id -> {
                    String d = Api.as(Login.MANAGER).get("/api/visits/{id}", id).then().statusCode(200).extract()
                            .jsonPath().getString("demands");
                    return d != null && !d.isBlank();
                }).findFirst().orElseThrow();
        var first = Api.as(Login.MANAGER).body(Map.of()).post("/api/visit-demands/{id}/request", visit).then()
                .statusCode(201).extract();
        long id = first.jsonPath().getLong("request.id");
        assertTrue(first.header("Location").endsWith("/api/service-requests/" + id));
        assertEquals("VISIT", first.jsonPath().getString("request.source"));
        assertEquals(visit, first.jsonPath().getLong("visitId"));
        assertEquals(id, Api.as(Login.MANAGER).body(Map.of("type", "COMPLAINT"))
                .post("/api/visit-demands/{id}/request", visit).then().statusCode(201).extract().jsonPath()
                .getLong("request.id"));
    }
}
