package cn.keyaccount.base.rest;

import static cn.keyaccount.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Inputs at and beyond the edges: numbers too large for their column or their domain, lists too long for one
 * statement, page numbers whose offset overflows, NUL characters PostgreSQL refuses. Each is a 4xx naming the field.
 */
@QuarkusTest
class InputLimitsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static ValidatableResponse refused(ValidatableResponse response, int status, String field) {
        return response.log().ifValidationFails().statusCode(status).contentType(ContentType.JSON)
                .body("fields.field", hasItem(field));
    }

    @Test
    void a_customer_capacity_of_1e308_is_a_422_naming_the_field() {
        Map<String, Object> draft = Api.newCustomer(Login.ADMIN);
        draft.put("contractCapacityKva", new BigDecimal("1e308"));
        draft.put("operatingCapacityKva", new BigDecimal("1e308"));
        refused(as(Login.ADMIN).body(draft).post("/api/customers").then(), 422, "contractCapacityKva")
                .body("fields.field", hasItem("operatingCapacityKva"));
    }

    @Test
    void a_growth_rate_of_1e300_and_a_revenue_beyond_its_column_are_422s_naming_the_fields() {
        Map<String, Object> draft = Api.newCustomer(Login.ADMIN);
        draft.put("growthRate", new BigDecimal("1e300"));
        draft.put("annualRevenueYuan", new BigDecimal("1e20"));
        draft.put("annualKwh", new BigDecimal("1e20"));
        refused(as(Login.ADMIN).body(draft).post("/api/customers").then(), 422, "growthRate")
                .body("fields.field", hasItem("annualRevenueYuan")).body("fields.field", hasItem("annualKwh"));
    }

    @Test
    void a_capacity_that_rounds_to_zero_in_its_column_is_a_422() {
        Map<String, Object> draft = Api.newCustomer(Login.ADMIN);
        draft.put("contractCapacityKva", new BigDecimal("0.01"));
        refused(as(Login.ADMIN).body(draft).post("/api/customers").then(), 422, "contractCapacityKva");
    }

    @Test
    void a_transformer_rated_at_1e308_kva_is_a_422_naming_the_field() {
        long customer = Api.visibleCustomerIds(Login.ADMIN).getFirst();
        refused(as(Login.ADMIN).body(Map.of("name", "T9", "ratedKva", new BigDecimal("1e308"),
                        "noLoadLossKw", new BigDecimal("1e300"), "loadLossKw", new BigDecimal("1e301")))
                .post("/api/customers/{id}/transformers", customer).then(), 422, "ratedKva")
                .body("fields.field", hasItem("loadLossKw"));
    }

    @Test
    void a_prepaid_balance_of_minus_1e300_is_a_422_naming_the_field() {
        long customer = Api.visibleCustomerIds(Login.ADMIN).getFirst();
        refused(as(Login.ADMIN).body(Map.of("balance", new BigDecimal("-1e300")))
                .post("/api/billing/customers/{id}/balance", customer).then(), 422, "balance");
        refused(as(Login.ADMIN).body(Map.of("balance", BigDecimal.TEN, "lowThreshold", new BigDecimal("1e300")))
                .post("/api/billing/customers/{id}/balance", customer).then(), 422, "lowThreshold");
    }

    @Test
    void a_tariff_capacity_price_of_1e300_is_a_422_naming_the_field() {
        Map<String, Object> tariff = new HashMap<>(as(Login.ADMIN).get("/api/tariffs").then().statusCode(200)
                .extract().jsonPath().getMap("[0]"));
        tariff.remove("id");
        tariff.remove("version");
        tariff.put("validFrom", "2199-01-01");
        tariff.put("validTo", null);
        tariff.put("capacityPrice", new BigDecimal("1e300"));
        refused(as(Login.ADMIN).body(tariff).post("/api/tariffs").then(), 422, "capacityPrice");
    }

    @Test
    void an_outage_on_100000_lines_is_a_422_naming_the_list() {
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusDays(60).withHour(9).withMinute(0).withSecond(0)
                .withNano(0);
        List<Long> lines = LongStream.rangeClosed(1, 100_000).boxed().toList();
        refused(as(Login.SCHEDULER).body(Map.of("kind", "PLANNED", "title", "很多线路", "reason", "检修",
                        "startsAt", start.toString(), "endsAt", start.plusHours(8).toString(), "lineIds", lines))
                .post("/api/outages").then(), 422, "lineIds").body("fields.message", hasItem(containsString("200")));
    }

    @Test
    void a_date_in_the_year_999999_is_a_422_naming_the_field() {
        refused(as(Login.SCHEDULER).body(Map.of("kind", "PLANNED", "title", "遥远的检修", "reason", "检修",
                        "startsAt", "+999999-01-01T09:00:00+08:00", "endsAt", "2099-01-01T17:00:00+08:00",
                        "lineIds", List.of(1)))
                .post("/api/outages").then(), 422, "startsAt").body("fields.message", hasItem(containsString("9999")));
    }

    @Test
    void a_customer_on_100000_lines_is_a_422_naming_the_list() {
        Map<String, Object> draft = Api.newCustomer(Login.ADMIN);
        draft.put("lineIds", LongStream.rangeClosed(1, 100_000).boxed().toList());
        refused(as(Login.ADMIN).body(draft).post("/api/customers").then(), 422, "lineIds");
    }

    /** Every list that pages, with a path that exists for the admin. */
    private static List<String> pagedLists() {
        long customer = Api.visibleCustomerIds(Login.ADMIN).getFirst();
        long notice = as(Login.ADMIN).get("/api/notices").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
        long outage = as(Login.ADMIN).get("/api/outages").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
        return List.of("/api/customers", "/api/users", "/api/reports", "/api/visits", "/api/visit-tasks",
                "/api/outages", "/api/outages/" + outage + "/customers", "/api/billing/bills", "/api/supply-plans",
                "/api/customers/" + customer + "/notices", "/api/inbox", "/api/notices",
                "/api/notices/" + notice + "/messages");
    }

    @Test
    void a_page_number_whose_offset_overflows_is_a_400_naming_the_page_on_every_paged_list() {
        for (String path : pagedLists()) {
            refused(as(Login.ADMIN).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get(path).then(),
                    400, "page");
            refused(as(Login.ADMIN).queryParam("page", 0).queryParam("size", Integer.MAX_VALUE).get(path).then(),
                    400, "size");
        }
    }

    @Test
    void the_last_page_number_allowed_answers_an_empty_page_on_every_paged_list() {
        int last = Integer.MAX_VALUE / QueryParams.MAX_SIZE;
        for (String path : pagedLists()) {
            ValidatableResponse page = as(Login.ADMIN).queryParam("page", last).queryParam("size", QueryParams.MAX_SIZE)
                    .get(path).then().statusCode(200);
            if (path.equals("/api/visit-tasks")) {
                page.body("$", hasSize(0));
            } else {
                page.body("items", hasSize(0)).body("page", equalTo(last));
            }
        }
    }

    @Test
    void a_nul_character_in_a_name_is_a_422_naming_the_field() {
        Map<String, Object> draft = Api.newCustomer(Login.ADMIN);
        draft.put("name", "坏\u0000名字");
        refused(as(Login.ADMIN).body(draft).post("/api/customers").then(), 422, "name")
                .body("status", equalTo(422));
    }

    @Test
    void a_nul_character_deep_in_a_body_is_a_422_naming_its_path() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        refused(as(Login.MANAGER).body(Map.of("purpose", "GENERAL", "template", "general", "title", "通知",
                        "customerIds", List.of(customer), "parameters", Map.of("text", "停电\u0000通知")))
                .post("/api/notices").then(), 422, "parameters.text");
    }

    @Test
    void a_notice_whose_sms_would_take_1493_segments_is_a_422_naming_the_text_and_the_cap() {
        long customer = Api.visibleCustomerIds(Login.MANAGER).getFirst();
        refused(as(Login.MANAGER).body(Map.of("purpose", "GENERAL", "template", "general", "title", "通知",
                        "customerIds", List.of(customer), "parameters", Map.of("text", "停".repeat(100_000))))
                .post("/api/notices").then(), 422, "parameters.text")
                .body("fields.message", hasItem(containsString("670")));
    }

    @Test
    void a_nul_character_in_a_query_parameter_is_a_400_naming_it() {
        refused(as(Login.ADMIN).queryParam("q", "a\u0000b").get("/api/customers").then(), 400, "q");
    }
}
