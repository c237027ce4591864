package cn.keyaccount.base.rest;

import static cn.keyaccount.demo.DemoDataGenerator.Login.ADMIN;
import static cn.keyaccount.demo.DemoDataGenerator.Login.MANAGER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SCHEDULER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SUPERVISOR;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lost updates: every update through REST names the version it was made on, in the body or as If-Match with the
 * ETag of the GET. Each updatable resource: nothing → 428, a stale body version → 409, a stale If-Match → 412, the
 * GET's ETag → 200; and of clients racing on one version exactly one wins.
 */
@QuarkusTest
class VersionedUpdatesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * An update as a client makes it: the body without its version fields, the version fields as read, and the ETag
     * (from the GET when there is one, else the version in quotes, as documented for list-only items).
     */
    record Edit(Login login, String path, Map<String, Object> body, Map<String, Long> versions, String etag) {

        Map<String, Object> withVersions(long shift) {
            Map<String, Object> b = new HashMap<>(body);
            versions.forEach((k, v) -> b.put(k, v + shift));
            return b;
        }

        String staleEtag() {
            return "\"" + versions.values().stream().map(v -> String.valueOf(v + 1000))
                    .collect(Collectors.joining(".")) + "\"";
        }
    }

    /** One updatable resource: how to read a fresh one to change. */
    record Target(String name, Supplier<Edit> fresh) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Target> targets() {
        return Stream.of(
                new Target("PUT /api/customers/{id}", VersionedUpdatesTest::customer),
                new Target("PUT /api/customers/{id}/contacts/{contactId}", VersionedUpdatesTest::contact),
                new Target("PUT /api/customers/{id}/transformers/{transformerId}", VersionedUpdatesTest::transformer),
                new Target("PUT /api/customers/{id}/energy/profile", VersionedUpdatesTest::profile),
                new Target("PUT /api/tariffs/{id}", VersionedUpdatesTest::tariff),
                new Target("PUT /api/outages/{id}", VersionedUpdatesTest::outage),
                new Target("PUT /api/supply-plans/{id}", VersionedUpdatesTest::plan),
                new Target("PUT /api/visits/{id}/date", VersionedUpdatesTest::visit),
                new Target("PUT /api/visit-policy/{subject}", VersionedUpdatesTest::policy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void an_update_naming_no_version_is_refused_with_428(Target target) {
        Edit edit = target.fresh().get();
        Api.as(edit.login()).body(edit.body()).put(edit.path()).then().statusCode(428)
                .body("status", equalTo(428)).body("error", equalTo("precondition_required"))
                .body("message", not(equalTo("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void a_stale_version_in_the_body_is_refused_with_409(Target target) {
        Edit edit = target.fresh().get();
        Api.as(edit.login()).body(edit.withVersions(-1)).put(edit.path()).then().statusCode(409)
                .body("error", equalTo("conflict"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void a_stale_if_match_is_refused_with_412(Target target) {
        Edit edit = target.fresh().get();
        Api.as(edit.login()).header("If-Match", edit.staleEtag()).body(edit.body()).put(edit.path()).then()
                .statusCode(412).body("status", equalTo(412)).body("error", equalTo("precondition_failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void the_etag_read_goes_through_as_if_match_and_the_answer_carries_the_new_etag(Target target) {
        Edit edit = target.fresh().get();
        String etag = Api.as(edit.login()).header("If-Match", edit.etag()).body(edit.body()).put(edit.path())
                .then().statusCode(200).extract().header("ETag");
        assertEquals(etag(edit.login(), edit.path(), etag), etag, "the answer's ETag is the version now stored");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void a_body_version_and_an_if_match_that_disagree_are_refused_with_412(Target target) {
        Edit edit = target.fresh().get();
        Api.as(edit.login()).header("If-Match", edit.etag()).body(edit.withVersions(-1)).put(edit.path()).then()
                .statusCode(412);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    @SuppressWarnings("unchecked")
    void the_openapi_document_offers_if_match_and_explains_409_412_and_428(Target target) {
        String[] operation = target.name().split(" ");
        Map<String, Object> paths = Api.as(ADMIN).queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, Object> put = (Map<String, Object>) ((Map<String, Object>) paths.get(operation[1])).get("put");
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) put.get("parameters");
        assertTrue(parameters.stream().anyMatch(p -> "If-Match".equals(p.get("name")) && "header".equals(p.get("in"))),
                "If-Match is documented: " + parameters);
        Map<String, Object> responses = (Map<String, Object>) put.get("responses");
        assertTrue(responses.keySet().containsAll(List.of("200", "409", "412", "428")), "responses: " + responses);
        assertTrue(((Map<String, Object>) responses.get("200")).containsKey("content"), "200 keeps its schema");
    }

    @Test
    void single_resources_answer_their_get_with_the_version_as_etag() {
        long id = Api.visibleCustomerIds(MANAGER).getFirst();
        Response get = Api.as(MANAGER).get("/api/customers/{id}", id);
        get.then().statusCode(200).header("ETag", equalTo("\"" + get.jsonPath().getLong("version") + "\""));
        Response profile = Api.as(MANAGER).get("/api/customers/{id}/energy/profile", id);
        profile.then().statusCode(200).header("ETag", equalTo("\"" + profile.jsonPath().getLong("customerVersion")
                + "." + profile.jsonPath().getLong("profileVersion") + "\""));
    }

    @Test
    void of_clients_changing_one_customer_from_the_same_version_exactly_one_wins() throws Exception {
        Edit edit = customer();
        List<Integer> statuses = race(4, i -> {
            Map<String, Object> body = edit.withVersions(0);
            body.put("district", "并发测试区 " + i);
            return Api.as(edit.login()).body(body).put(edit.path()).statusCode();
        });
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one winner: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), "the others are told: " + statuses);
    }

    @Test
    void of_clients_changing_one_outage_with_the_same_etag_exactly_one_wins() throws Exception {
        Edit edit = outage();
        List<Integer> statuses = race(4, i -> {
            Map<String, Object> body = new HashMap<>(edit.body());
            body.put("title", "并发测试检修 " + i);
            return Api.as(edit.login()).header("If-Match", edit.etag()).body(body).put(edit.path()).statusCode();
        });
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one winner: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 412).count(), "the others are told: " + statuses);
    }

    interface Client {
        int call(int index) throws Exception;
    }

    /** Starts the clients together and collects their statuses. */
    private static List<Integer> race(int clients, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.call(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ETag the resource's GET answers now; for list-only items the answer's own (nothing to compare with). */
    private static String etag(Login login, String putPath, String answered) {
        String get = putPath.endsWith("/date") ? putPath.substring(0, putPath.length() - "/date".length())
                : putPath.contains("/contacts/") || putPath.contains("/transformers/")
                || putPath.contains("/visit-policy/") ? null : putPath;
        return get == null ? answered : Api.as(login).get(get).then().statusCode(200).extract().header("ETag");
    }

    private static Edit fromGet(Login login, String path, List<String> versionFields) {
        Response got = Api.as(login).get(path);
        got.then().statusCode(200);
        Map<String, Object> body = new HashMap<>(got.jsonPath().getMap(""));
        Map<String, Long> versions = new java.util.LinkedHashMap<>();
        for (String field : versionFields) {
            versions.put(field, ((Number) body.remove(field)).longValue());
        }
        return new Edit(login, path, body, versions, got.header("ETag"));
    }

    private static Edit listed(Login login, String path, Map<String, Object> item, Map<String, Object> body) {
        long version = ((Number) item.get("version")).longValue();
        return new Edit(login, path, body, Map.of("version", version), "\"" + version + "\"");
    }

    private static Edit customer() {
        long id = Api.visibleCustomerIds(MANAGER).get(3);
        Edit read = fromGet(MANAGER, "/api/customers/" + id, List.of("version"));
        Map<String, Object> body = Api.draftOf(read.body());
        return new Edit(MANAGER, read.path(), body, read.versions(), read.etag());
    }

    private static Edit contact() {
        long customer = Api.visibleCustomerIds(MANAGER).get(3);
        Map<String, Object> body = Map.of("name", "版本测试", "role", "电工", "mobile", "13700000001",
                "email", "version@example.cn");
        Map<String, Object> created = Api.as(MANAGER).body(body).post("/api/customers/{id}/contacts", customer)
                .then().statusCode(201).extract().jsonPath().getMap("");
        return listed(MANAGER, "/api/customers/" + customer + "/contacts/" + created.get("id"), created, body);
    }

    private static Edit transformer() {
        long customer = Api.visibleCustomerIds(MANAGER).get(3);
        Map<String, Object> body = Map.of("name", Api.unique("版本测试变"), "ratedKva", 400, "noLoadLossKw", 0.5,
                "loadLossKw", 4);
        Map<String, Object> created = Api.as(MANAGER).body(body).post("/api/customers/{id}/transformers", customer)
                .then().statusCode(201).extract().jsonPath().getMap("");
        return listed(MANAGER, "/api/customers/" + customer + "/transformers/" + created.get("id"), created, body);
    }

    private static Edit profile() {
        long customer = Api.visibleCustomerIds(MANAGER).get(4);
        return fromGet(MANAGER, "/api/customers/" + customer + "/energy/profile",
                List.of("customerVersion", "profileVersion"));
    }

    private static Edit tariff() {
        return fromGet(ADMIN, "/api/tariffs/2", List.of("version"));
    }

    private static Edit outage() {
        long customer = Api.visibleCustomerIds(MANAGER).getFirst();
        List<?> lines = (List<?>) Api.customer(MANAGER, customer).get("lines");
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusDays(50).withHour(9).withMinute(0).withSecond(0)
                .withNano(0);
        Map<String, Object> body = Map.of("kind", "PLANNED", "title", "版本测试检修", "reason", "检修",
                "startsAt", start.toString(), "endsAt", start.plusHours(8).toString(),
                "lineIds", List.of(((Map<?, ?>) lines.getFirst()).get("id")));
        long id = Api.as(SCHEDULER).body(body).post("/api/outages").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Edit read = fromGet(SCHEDULER, "/api/outages/" + id, List.of("version"));
        return new Edit(SCHEDULER, read.path(), body, read.versions(), read.etag());
    }

    private static Edit plan() {
        long customer = Api.visibleCustomerIds(MANAGER).getFirst();
        OffsetDateTime start = OffsetDateTime.of(2100 + (int) (System.nanoTime() % 800), 5, 1, 8, 0, 0, 0,
                java.time.ZoneOffset.ofHours(8));
        long id = Api.as(MANAGER).body(Map.of("customerId", customer, "eventType", "SOCIAL", "eventName", "版本测试",
                        "level", "FIRST", "startsAt", start.toString(), "endsAt", start.plusDays(1).toString()))
                .post("/api/supply-plans").then().statusCode(201).extract().jsonPath().getLong("id");
        Edit read = fromGet(MANAGER, "/api/supply-plans/" + id, List.of("version"));
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("customerId", "title", "eventType", "eventName", "level", "startsAt", "endsAt",
                "supplySources", "loads", "risks", "resources", "duties")) {
            body.put(field, read.body().get(field));
        }
        body.put("lineIds", ((List<?>) read.body().get("lines")).stream().map(l -> ((Map<?, ?>) l).get("id"))
                .toList());
        return new Edit(MANAGER, read.path(), body, read.versions(), read.etag());
    }

    private static Edit visit() {
        long id = Api.as(MANAGER).queryParam("show", "OPEN")
                .queryParam("from", LocalDate.now(ZONE).plusDays(1).toString()).queryParam("size", 1)
                .get("/api/visits").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        Response got = Api.as(MANAGER).get("/api/visits/{id}", id);
        got.then().statusCode(200);
        Map<String, Object> body = Map.of("plannedDate", got.jsonPath().getString("visit.plannedDate"));
        return new Edit(MANAGER, "/api/visits/" + id + "/date", body,
                Map.of("version", got.jsonPath().getLong("visit.version")), got.header("ETag"));
    }

    private static Edit policy() {
        Map<String, Object> line = Api.as(SUPERVISOR).get("/api/visit-policy").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("").stream().filter(l -> "TIER_C".equals(l.get("subject")))
                .findFirst().orElseThrow();
        return listed(SUPERVISOR, "/api/visit-policy/TIER_C", line,
                Map.of("intervalMonths", line.get("intervalMonths")));
    }
}
