package cn.keyaccount.customer.rest;

import static cn.keyaccount.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/customers/{id}/timeline: access as for the customer, a cursor that pages, filters, strict parameters. */
@QuarkusTest
class CustomerTimelineResourceTest {

    @Test
    void a_manager_pages_through_the_timeline_of_an_own_customer_by_its_cursor() {
        long own = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        JsonPath whole = as(Login.MANAGER).queryParam("size", 500).get("/api/customers/" + own + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        List<String> all = whole.getList("items.source").stream().map(String::valueOf).toList();
        assertTrue(all.size() > 10, "the demo customer has a history: " + all.size());

        List<Object> paged = new ArrayList<>();
        String next = null;
        do {
            var request = as(Login.MANAGER).queryParam("size", 10);
            if (next != null) {
                request.queryParam("before", next);
            }
            JsonPath page = request.get("/api/customers/" + own + "/timeline").then().statusCode(200)
                    .extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            next = page.getString("next");
        } while (next != null && paged.size() < 600);
        assertEquals(whole.getList("items.id"), paged, "the pages give the whole timeline in order");
    }

    @Test
    void the_kind_filter_narrows_the_entries_and_titles_follow_accept_language() {
        long own = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        as(Login.MANAGER).queryParam("kind", "VISIT,ASSIGNMENT").get("/api/customers/" + own + "/timeline")
                .then().statusCode(200).body("items.kind", everyItem(org.hamcrest.Matchers.in(
                        List.of("VISIT", "ASSIGNMENT")))).body("items.link", everyItem(notNullValue()));
        as(Login.MANAGER).header("Accept-Language", "en").queryParam("kind", "VISIT").queryParam("size", 1)
                .get("/api/customers/" + own + "/timeline").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].title", org.hamcrest.Matchers.startsWith("Visit"));
    }

    @Test
    void another_managers_customer_is_404_and_a_customer_user_is_refused() {
        as(Login.MANAGER).get("/api/customers/" + Api.hiddenCustomerId(Login.MANAGER) + "/timeline")
                .then().statusCode(404);
        as(Login.CUSTOMER).get("/api/customers/" + Api.visibleCustomerIds(Login.CUSTOMER).getFirst() + "/timeline")
                .then().statusCode(403);
    }

    @Test
    void a_malformed_cursor_kind_or_day_is_a_400_naming_the_parameter() {
        long own = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        String path = "/api/customers/" + own + "/timeline";
        as(Login.MANAGER).queryParam("before", "yesterday").get(path).then().statusCode(400)
                .body("fields.field", hasItem("before"));
        as(Login.MANAGER).queryParam("kind", "GOSSIP").get(path).then().statusCode(400)
                .body("fields.field", hasItem("kind"));
        as(Login.MANAGER).queryParam("from", "2026-02-30").get(path).then().statusCode(400)
                .body("fields.field", hasItem("from"));
        as(Login.MANAGER).queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").get(path).then()
                .statusCode(422).body("error", equalTo("validation"));
    }
}
