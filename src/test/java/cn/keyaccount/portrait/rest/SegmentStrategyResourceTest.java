package cn.keyaccount.portrait.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditEntry;
import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SegmentStrategyResourceTest {

    @Inject
    AuditService audit;

    /** The segment of the portal customer's first account (the demo manager's customer). */
    private static long segmentOfOwnAccount() {
        Api.recomputePortraits();
        long own = Api.visibleCustomerIds(Login.CUSTOMER).getFirst();
        return Api.as(Login.ADMIN).get("/api/customers/{id}/portrait", own).then().statusCode(200)
                .extract().jsonPath().getLong("segment.id");
    }

    private static Map<String, Object> draft(Object interval, String offers, String points, long version) {
        Map<String, Object> d = new HashMap<>();
        d.put("visitIntervalDays", interval);
        d.put("offers", offers);
        d.put("talkingPoints", points);
        d.put("version", version);
        return d;
    }

    @Test
    void a_supervisor_writes_a_segments_strategy_and_the_manager_sees_it_on_a_members_portrait() {
        long segment = segmentOfOwnAccount();
        long own = Api.visibleCustomerIds(Login.CUSTOMER).getFirst();
        long version = Api.as(Login.SUPERVISOR).get("/api/portrait/segments/{id}/strategy", segment).then()
                .statusCode(200).body("segmentZh", notNullValue()).extract().jsonPath().getLong("version");
        String offers = Api.unique("峰谷电价方案 ") + "\n储能试点";
        Api.as(Login.SUPERVISOR).body(draft(45, offers, "先谈错峰生产", version))
                .put("/api/portrait/segments/{id}/strategy", segment).then().statusCode(200)
                .body("defined", equalTo(true)).body("visitIntervalDays", equalTo(45))
                .body("updatedBy", equalTo("supervisor"));
        Api.as(Login.MANAGER).get("/api/customers/{id}/segment-strategy", own).then().statusCode(200)
                .body("offers", equalTo(offers)).body("talkingPoints", equalTo("先谈错峰生产"));
        Api.as(Login.CUSTOMER).get("/api/customers/{id}/segment-strategy", own).then().statusCode(403);
        Api.as(Login.MANAGER).get("/api/portrait/segments/{id}/strategy", segment).then().statusCode(403);
        List<AuditEntry> trail = audit.find(new AuditQuery(null, null, "supervisor", "SEGMENT_STRATEGY_CHANGED",
                null, null), 0, 5);
        assertTrue(trail.getFirst().afterJson().contains(offers.lines().findFirst().orElseThrow()),
                "the audit keeps what was written");
    }

    @Test
    void a_stale_version_is_refused_and_bad_input_is_refused_at_its_field() {
        long segment = segmentOfOwnAccount();
        long version = Api.as(Login.SUPERVISOR).get("/api/portrait/segments/{id}/strategy", segment).then()
                .statusCode(200).extract().jsonPath().getLong("version");
        Api.as(Login.SUPERVISOR).body(draft(30, "功率因数补偿", "", version))
                .put("/api/portrait/segments/{id}/strategy", segment).then().statusCode(200);
        Api.as(Login.SUPERVISOR).body(draft(31, "功率因数补偿", "", version))
                .put("/api/portrait/segments/{id}/strategy", segment).then().statusCode(409);
        long now = Api.as(Login.SUPERVISOR).get("/api/portrait/segments/{id}/strategy", segment).then()
                .extract().jsonPath().getLong("version");
        Api.as(Login.SUPERVISOR).body(draft(0, "x", "", now))
                .put("/api/portrait/segments/{id}/strategy", segment).then().statusCode(422)
                .body("fields.field", hasItem("visitIntervalDays"));
        Api.as(Login.SUPERVISOR).body(draft(null, " ", "", now))
                .put("/api/portrait/segments/{id}/strategy", segment).then().statusCode(422)
                .body("fields.field", hasItem("offers"));
        Api.as(Login.SUPERVISOR).body(draft(30, "x".repeat(2001), "", now))
                .put("/api/portrait/segments/{id}/strategy", segment).then().statusCode(422);
    }

    @Test
    void the_strategy_stays_with_the_segment_through_a_recompute_that_renews_its_id() {
        long segment = segmentOfOwnAccount();
        long version = Api.as(Login.ADMIN).get("/api/portrait/segments/{id}/strategy", segment).then()
                .extract().jsonPath().getLong("version");
        String points = Api.unique("谈需量管理 ");
        Api.as(Login.ADMIN).body(draft(60, "", points, version))
                .put("/api/portrait/segments/{id}/strategy", segment).then().statusCode(200);
        long again = segmentOfOwnAccount();
        assertNotEquals(segment, again, "a recompute replaces the segment rows");
        Api.as(Login.ADMIN).get("/api/portrait/segments/{id}/strategy", again).then().statusCode(200)
                .body("talkingPoints", equalTo(points));
    }

    @Test
    void the_tag_counts_are_counted_within_the_callers_customers() {
        Api.recomputePortraits();
        JsonPath all = Api.as(Login.ADMIN).get("/api/portrait/tags").then().statusCode(200)
                .body("size()", greaterThan(0)).body("labelZh", not(hasItem(equalTo(null)))).extract().jsonPath();
        List<String> codes = all.getList("code");
        JsonPath station = Api.as(Login.STATION_SUPERVISOR).get("/api/portrait/tags").then().statusCode(200)
                .extract().jsonPath();
        for (String code : station.<String>getList("code")) {
            Api.as(Login.STATION_SUPERVISOR).get("/api/portrait/tags").then()
                    .body("find { it.code == '" + code + "' }.customers",
                            lessThanOrEqualTo(all.getInt("find { it.code == '" + code + "' }.customers")));
        }
        assertEquals(codes.size(), codes.stream().distinct().count());
        Api.as(Login.MANAGER).get("/api/portrait/tags").then().statusCode(403);
    }
}
