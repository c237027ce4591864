package cn.keyaccount.customer.rest;

import static cn.keyaccount.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    @Test
    void the_list_is_paged_from_page_0_and_reports_the_total() {
        JsonPath first = as(Login.ADMIN).queryParam("size", 10).get("/api/customers")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(10))
                .body("items", hasSize(10)).extract().jsonPath();
        JsonPath second = as(Login.ADMIN).queryParam("size", 10).queryParam("page", 1).get("/api/customers")
                .then().statusCode(200).body("page", equalTo(1)).body("items", hasSize(10)).extract().jsonPath();
        assertTrue(first.getLong("total") >= 300, "the demo company has 300 customers");
        Set<Long> overlap = new HashSet<>(first.getList("items.id", Long.class));
        overlap.retainAll(second.getList("items.id", Long.class));
        assertTrue(overlap.isEmpty(), "pages must not overlap: " + overlap);
    }

    @Test
    void the_page_size_defaults_to_50() {
        as(Login.ADMIN).get("/api/customers").then().statusCode(200)
                .body("size", equalTo(50)).body("items", hasSize(50));
    }

    @Test
    void a_page_size_above_500_or_an_unknown_sort_is_a_400_naming_the_parameter() {
        as(Login.ADMIN).queryParam("size", 501).get("/api/customers").then().statusCode(400)
                .body("error", equalTo("bad_request")).body("fields.field", hasItem("size"));
        as(Login.ADMIN).queryParam("sort", "-colour").get("/api/customers").then().statusCode(400)
                .body("fields.field", hasItem("sort"));
        as(Login.ADMIN).queryParam("tier", "Z").get("/api/customers").then().statusCode(400)
                .body("fields.field", hasItem("tier"));
        as(Login.ADMIN).queryParam("unitId", "abc").get("/api/customers").then().statusCode(400)
                .body("fields.field", hasItem("unitId"));
    }

    @Test
    void sorting_by_annual_consumption_descending_puts_the_biggest_consumers_first() {
        List<BigDecimal> kwh = as(Login.ADMIN).queryParam("sort", "-annualKwh").queryParam("size", 100)
                .get("/api/customers").then().statusCode(200)
                .extract().jsonPath().getList("items.annualKwh", BigDecimal.class);
        assertEquals(100, kwh.size());
        assertEquals(kwh.stream().sorted(Comparator.reverseOrder()).toList(), kwh);
        assertNotEquals(kwh.getFirst(), kwh.getLast(), "the demo consumption varies");
    }

    @Test
    void sorting_by_account_number_ascending_orders_the_rows() {
        List<String> accountNos = as(Login.ADMIN).queryParam("sort", "accountNo").queryParam("size", 100)
                .get("/api/customers").then().statusCode(200)
                .extract().jsonPath().getList("items.accountNo", String.class);
        assertEquals(accountNos.stream().sorted().toList(), accountNos);
    }

    @Test
    void the_text_search_finds_a_customer_by_its_account_number() {
        Map<String, Object> row = as(Login.ADMIN).queryParam("size", 1).queryParam("sort", "-capacity")
                .get("/api/customers").then().statusCode(200).extract().jsonPath().getMap("items[0]");
        as(Login.ADMIN).queryParam("q", row.get("accountNo")).get("/api/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(row.get("id")));
    }

    @Test
    void tier_importance_and_voltage_filters_keep_only_matching_rows() {
        as(Login.ADMIN).queryParam("tier", "a").queryParam("size", 500).get("/api/customers").then()
                .statusCode(200).body("items", not(hasSize(0))).body("items.tier", everyItem(equalTo("A")));
        as(Login.ADMIN).queryParam("importance", "NORMAL").queryParam("size", 500).get("/api/customers").then()
                .statusCode(200).body("items", not(hasSize(0)))
                .body("items.importance", everyItem(equalTo("NORMAL")));
        List<BigDecimal> voltages = as(Login.ADMIN).queryParam("voltageKv", "10").queryParam("size", 500)
                .get("/api/customers").then().statusCode(200)
                .extract().jsonPath().getList("items.voltageKv", BigDecimal.class);
        assertFalse(voltages.isEmpty());
        assertTrue(voltages.stream().allMatch(v -> v.compareTo(BigDecimal.TEN) == 0), voltages.toString());
    }

    @Test
    void the_manager_filter_gives_exactly_that_managers_portfolio() {
        long managerId = as(Login.MANAGER).get("/api/me").then().statusCode(200)
                .extract().jsonPath().getLong("userId");
        List<Long> filtered = as(Login.ADMIN).queryParam("managerId", managerId).queryParam("size", 500)
                .get("/api/customers").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertFalse(filtered.isEmpty());
        assertEquals(Set.copyOf(Api.visibleCustomerIds(Login.MANAGER)), Set.copyOf(filtered));
    }

    @Test
    void the_unit_filter_gives_the_customers_of_that_unit_and_below() {
        long stationId = as(Login.STATION_SUPERVISOR).get("/api/me").then().statusCode(200)
                .extract().jsonPath().getLong("unitId");
        List<Long> filtered = as(Login.ADMIN).queryParam("unitId", stationId).queryParam("size", 500)
                .get("/api/customers").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertFalse(filtered.isEmpty());
        assertEquals(Set.copyOf(Api.visibleCustomerIds(Login.STATION_SUPERVISOR)), Set.copyOf(filtered));
    }

    @Test
    void creating_a_customer_answers_201_with_the_location_of_the_new_record() {
        Map<String, Object> draft = Api.newCustomer(Login.SUPERVISOR);
        String location = as(Login.SUPERVISOR).body(draft).post("/api/customers")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/customers/\\d+"))
                .body("accountNo", equalTo(draft.get("accountNo")))
                .extract().header("Location");
        as(Login.SUPERVISOR).get(location).then().statusCode(200)
                .body("name", equalTo(draft.get("name"))).body("editable", equalTo(true));
    }

    @Test
    void an_invalid_customer_is_refused_with_422_naming_each_bad_field() {
        Map<String, Object> draft = Api.newCustomer(Login.ADMIN);
        draft.put("creditCode", "91330100000000000X");
        draft.put("accountNo", "12");
        draft.put("name", " ");
        as(Login.ADMIN).body(draft).post("/api/customers")
                .then().statusCode(422)
                .body("status", equalTo(422)).body("error", equalTo("validation"))
                .body("fields.field", hasItems("creditCode", "accountNo", "name"));
    }

    @Test
    void a_change_based_on_a_stale_version_is_refused_with_409() {
        long id = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        Map<String, Object> draft = Api.draftOf(Api.customer(Login.MANAGER, id));
        draft.put("district", "接口测试区 " + System.nanoTime() % 1000);
        as(Login.MANAGER).body(draft).put("/api/customers/{id}", id).then().statusCode(200)
                .body("district", equalTo(draft.get("district")));
        draft.put("district", "另一个区");
        as(Login.MANAGER).body(draft).put("/api/customers/{id}", id).then().statusCode(409)
                .body("error", equalTo("conflict"));
    }

    @Test
    void contacts_are_added_changed_and_removed() {
        long id = Api.visibleCustomerIds(Login.MANAGER).get(1);
        Map<String, Object> contact = new java.util.HashMap<>(Map.of("name", "李工", "role", "电气负责人",
                "mobile", "13912345678", "email", "li@example.cn"));
        String location = as(Login.MANAGER).body(contact).post("/api/customers/{id}/contacts", id)
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/customers/" + id + "/contacts/\\d+"))
                .extract().header("Location");
        long contactId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        as(Login.MANAGER).get("/api/customers/{id}/contacts", id).then().statusCode(200)
                .body("id", hasItem((int) contactId)).body("find { it.id == " + contactId + " }.mobile",
                        equalTo("13912345678"));

        Map<String, Object> view = as(Login.MANAGER).get("/api/customers/{id}/contacts", id).then()
                .extract().jsonPath().getMap("find { it.id == " + contactId + " }");
        Map<String, Object> change = new java.util.HashMap<>(view);
        change.put("role", "能源主管");
        as(Login.MANAGER).body(change).put("/api/customers/{id}/contacts/{cid}", id, contactId)
                .then().statusCode(200).body("role", equalTo("能源主管"));
        as(Login.MANAGER).body(change).put("/api/customers/{id}/contacts/{cid}", id, contactId)
                .then().statusCode(409);

        as(Login.MANAGER).delete("/api/customers/{id}/contacts/{cid}", id, contactId).then().statusCode(204);
        as(Login.MANAGER).get("/api/customers/{id}/contacts", id).then().statusCode(200)
                .body("id", not(hasItem((int) contactId)));
        as(Login.MANAGER).delete("/api/customers/{id}/contacts/{cid}", id, contactId).then().statusCode(404);
    }

    @Test
    void an_invalid_contact_is_refused_with_422_naming_the_field() {
        long id = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        as(Login.MANAGER).body(Map.of("name", "王工", "role", "电工", "mobile", "12345"))
                .post("/api/customers/{id}/contacts", id)
                .then().statusCode(422).body("fields.field", hasItem("mobile"));
    }

    @Test
    void transformers_are_added_changed_and_removed() {
        long id = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        Map<String, Object> added = as(Login.MANAGER)
                .body(Map.of("name", "3#主变", "ratedKva", 1250, "noLoadLossKw", 1.2, "loadLossKw", 10.7))
                .post("/api/customers/{id}/transformers", id)
                .then().statusCode(201).extract().jsonPath().getMap("");
        Object tid = added.get("id");
        Map<String, Object> change = new java.util.HashMap<>(added);
        change.put("ratedKva", 1600);
        BigDecimal rated = as(Login.MANAGER).body(change).put("/api/customers/{id}/transformers/{tid}", id, tid)
                .then().statusCode(200).extract().jsonPath().getObject("ratedKva", BigDecimal.class);
        assertEquals(0, rated.compareTo(new BigDecimal("1600")), rated.toString());
        as(Login.MANAGER).get("/api/customers/{id}/transformers", id).then().statusCode(200)
                .body("id", hasItem(tid));
        as(Login.MANAGER).body(Map.of("name", "坏的", "ratedKva", 100, "noLoadLossKw", 5, "loadLossKw", 1))
                .post("/api/customers/{id}/transformers", id)
                .then().statusCode(422).body("fields.field", hasItem("noLoadLossKw"));
        as(Login.MANAGER).delete("/api/customers/{id}/transformers/{tid}", id, tid).then().statusCode(204);
        as(Login.MANAGER).get("/api/customers/{id}/transformers", id).then().statusCode(200)
                .body("id", not(hasItem(tid)));
    }

    @Test
    void a_transformer_is_suspended_restored_and_given_a_new_capacity_through_the_api() {
        long id = as(Login.SUPERVISOR).body(Api.newCustomer(Login.SUPERVISOR)).post("/api/customers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long tid = as(Login.SUPERVISOR)
                .body(Map.of("name", "2#主变", "ratedKva", 1000, "noLoadLossKw", 1.1, "loadLossKw", 9.5))
                .post("/api/customers/{id}/transformers", id).then().statusCode(201).extract().jsonPath().getLong("id");
        as(Login.SUPERVISOR).body(Map.of("from", "2025-07-01", "reason", "淡季暂停"))
                .post("/api/customers/{id}/transformers/{tid}/suspend", id, tid)
                .then().statusCode(200).body("suspensions[0].from", equalTo("2025-07-01"))
                .body("suspensions[0].to", equalTo(null));
        as(Login.SUPERVISOR).body(Map.of("on", "2025-10-01", "reason", "旺季恢复"))
                .post("/api/customers/{id}/transformers/{tid}/restore", id, tid)
                .then().statusCode(200).body("suspensions[0].to", equalTo("2025-09-30"));
        as(Login.SUPERVISOR).body(Map.of("kva", 630, "effective", "2025-11-01", "reason", "减容"))
                .post("/api/customers/{id}/transformers/{tid}/capacity", id, tid)
                .then().statusCode(200).body("capacityChanges[0].kind", equalTo("REDUCTION"))
                .body("transformer.ratedKva", equalTo(630.0f));
        as(Login.SUPERVISOR).get("/api/customers/{id}/transformers/history", id).then().statusCode(200)
                .body("transformer.id", hasItem((int) tid));
        as(Login.SUPERVISOR).body(Map.of("from", "2026-02-01", "to", "2026-02-10", "reason", "太短"))
                .post("/api/customers/{id}/transformers/{tid}/suspend", id, tid)
                .then().statusCode(422).body("fields.field", hasItem("to"));
        as(Login.SUPERVISOR).body(Map.of("from", "2026-02-30", "reason", "无此日"))
                .post("/api/customers/{id}/transformers/{tid}/suspend", id, tid).then().statusCode(400);
        as(Login.SCHEDULER).body(Map.of("from", "2026-03-01", "reason", "越权"))
                .post("/api/customers/{id}/transformers/{tid}/suspend", id, tid).then().statusCode(403);
    }
}
