package cn.keyaccount.portrait.rest;

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

    @Test
    void the_portal_customer_gets_their_own_shape_and_segment_name_but_no_centre_or_size() {
        Api.as(Login.ADMIN).post("/api/portrait/recompute").then().statusCode(200)
                .body("segmented", greaterThan(0));
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
        Api.as(Login.ADMIN).post("/api/portrait/recompute").then().statusCode(200);
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
