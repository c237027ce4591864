package cn.keyaccount.portrait.rest;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PortraitResourceTest {

    /**
     * Starts a recompute and follows it to its end ({@link Api#recomputePortraits}), then checks what this resource
     * adds: the start names its progress resource and state, and the finished batch measured every chunk.
     */
    static void recompute() {
        Api.recomputePortraits().then()
                .header("Location", endsWith("/api/portrait/recompute"))
                .body("state", anyOf(equalTo("MEASURING"), equalTo("CLUSTERING"), equalTo("FINISHED")));
        Api.as(Login.SUPERVISOR).get("/api/portrait/recompute").then()
                .body("chunks", greaterThan(0))
                .body("chunksMeasured", equalTo(Api.as(Login.SUPERVISOR).get("/api/portrait/recompute").then()
                        .extract().path("chunks")))
                .body("customersMeasured", greaterThan(0));
    }

    @Test
    void the_recompute_answers_at_once_with_202_and_its_progress_which_a_manager_may_not_see() {
        recompute();
        Api.as(Login.MANAGER).get("/api/portrait/recompute").then().statusCode(403);
        Api.as(Login.SUPERVISOR).post("/api/portrait/recompute").then().statusCode(403);
    }

    @Test
    void the_portal_customer_gets_their_own_shape_and_segment_name_but_no_centre_or_size() {
        recompute();
        long own = Api.visibleCustomerIds(Login.CUSTOMER).getFirst();
        Api.as(Login.CUSTOMER).get("/api/customers/{id}/portrait", own).then().statusCode(200)
                .body("status", equalTo("SEGMENTED"))
                .body("segment.nameZh", notNullValue())
                .body("segment.nameEn", notNullValue())
                .body("segment.workday", nullValue())
                .body("segment.members", nullValue())
                .body("shapes.find { it.season == 'YEAR' && it.dayType == 'WORKDAY' }.points", hasSize(96));
        Api.as(Login.ADMIN).get("/api/customers/{id}/portrait", own).then().statusCode(200)
                .body("segment.workday", hasSize(96))
                .body("segment.members", greaterThan(0));
    }

    @Test
    void a_supervisor_lists_the_segments_with_the_silhouette_of_each_k_and_pages_through_members() {
        recompute();
        JsonPath overview = Api.as(Login.SUPERVISOR).get("/api/portrait/segments").then().statusCode(200)
                .body("silhouettes.size()", greaterThan(0))
                .extract().jsonPath();
        int k = overview.getInt("chosenK");
        long first = overview.getLong("segments[0].id");
        Api.as(Login.SUPERVISOR).get("/api/portrait/segments/{id}", first).then().statusCode(200)
                .body("workday", hasSize(96));
        Api.as(Login.SUPERVISOR).queryParam("size", "1").get("/api/portrait/segments/{id}/members", first)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("total", equalTo(overview.getInt("segments[0].membersInScope")));
        org.junit.jupiter.api.Assertions.assertEquals(k, overview.getList("segments").size());
    }
}
