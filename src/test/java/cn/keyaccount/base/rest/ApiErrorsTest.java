package cn.keyaccount.base.rest;

import static cn.keyaccount.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiErrorsTest {

    @Test
    void a_body_that_is_not_json_is_a_400_in_the_error_format() {
        as(Login.ADMIN).body("{\"name\": ").post("/api/customers")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo(400)).body("error", equalTo("bad_request"))
                .body("message", notNullValue());
    }

    @Test
    void a_word_where_a_number_belongs_is_a_400_naming_the_field() {
        Map<String, Object> draft = Api.newCustomer(Login.ADMIN);
        draft.put("contractCapacityKva", "lots");
        as(Login.ADMIN).body(draft).post("/api/customers")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("fields.field", hasItem("contractCapacityKva"));
    }

    @Test
    void an_unknown_enum_value_in_the_body_is_a_400() {
        as(Login.ADMIN).body(Map.of("code", "X1", "name", "新所", "level", "GALAXY")).post("/api/units")
                .then().statusCode(400).contentType(ContentType.JSON).body("fields.field", hasItem("level"));
    }

    @Test
    void an_empty_body_is_a_400() {
        as(Login.ADMIN).post("/api/customers").then().statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo(400));
    }

    @Test
    void a_non_numeric_query_parameter_is_a_400_naming_it() {
        as(Login.ADMIN).queryParam("page", "first").get("/api/users")
                .then().statusCode(400).contentType(ContentType.JSON).body("fields.field", hasItem("page"));
    }

    @Test
    void a_day_that_does_not_exist_is_a_400_naming_the_parameter_and_the_form_of_a_date() {
        as(Login.ADMIN).queryParam("from", "2025-02-30").get("/api/tariffs")
                .then().statusCode(400).contentType(ContentType.JSON).body("fields.field", hasItem("from"))
                .body("fields.message", hasItem(containsString("yyyy-MM-dd")));
    }

    @Test
    void a_date_with_a_five_digit_year_is_a_400_naming_the_parameter_and_the_form_of_a_date() {
        as(Login.ADMIN).queryParam("to", "+20260-01-01").get("/api/visits")
                .then().statusCode(400).contentType(ContentType.JSON).body("fields.field", hasItem("to"))
                .body("fields.message", hasItem(containsString("yyyy-MM-dd")));
    }

    @Test
    void a_thirteenth_month_is_a_400_naming_the_parameter_and_the_form_of_a_month() {
        as(Login.SUPERVISOR).queryParam("month", "2026-13").get("/api/outages/compliance")
                .then().statusCode(400).contentType(ContentType.JSON).body("fields.field", hasItem("month"))
                .body("fields.message", hasItem(containsString("yyyy-MM")));
    }

    @Test
    void a_month_in_a_report_request_written_otherwise_is_a_400_naming_it_and_the_form_in_chinese_too() {
        given().auth().preemptive().basic(Login.ADMIN.username, Login.ADMIN.password)
                .contentType(ContentType.JSON).body(Map.of("month", "2026/03")).post("/api/customers/1/reports")
                .then().statusCode(400).contentType(ContentType.JSON).body("fields.field", hasItem("month"))
                .body("fields.message", hasItem(equalTo("月份须写作 yyyy-MM，例如 2026-03")));
    }

    @Test
    void a_moment_without_its_offset_is_a_400_naming_the_parameter_and_the_form() {
        as(Login.SUPERVISOR).queryParam("from", "2026-03-31T08:00").get("/api/outages")
                .then().statusCode(400).contentType(ContentType.JSON).body("fields.field", hasItem("from"))
                .body("fields.message", hasItem(containsString("+08:00")));
    }

    @Test
    void an_unknown_route_under_api_is_a_404_in_the_error_format() {
        as(Login.ADMIN).get("/api/no-such-thing/42").then().statusCode(404).contentType(ContentType.JSON)
                .body("status", equalTo(404)).body("error", equalTo("not_found"));
        as(Login.ADMIN).body("{}").post("/api/customers/1/no-such-list").then().statusCode(404)
                .contentType(ContentType.JSON).body("status", equalTo(404));
    }

    @Test
    void an_absent_customer_is_a_404_with_a_translated_message() {
        as(Login.ADMIN).get("/api/customers/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType(ContentType.JSON).body("error", equalTo("not_found"))
                .body("message", notNullValue());
    }

    @Test
    void messages_come_in_chinese_unless_english_is_asked_for() {
        given().auth().preemptive().basic(Login.ADMIN.username, Login.ADMIN.password)
                .queryParam("size", 0).get("/api/customers")
                .then().statusCode(400).body("message", equalTo("请求格式不正确。"));
    }

    @Test
    void the_openapi_document_describes_the_customer_api() {
        given().auth().preemptive().basic(Login.ADMIN.username, Login.ADMIN.password)
                .accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Key-account service suite API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/customers"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/customers/{id}/assignments"))
                .body("paths.'/api/customers'.get.summary", notNullValue());
    }

    @Test
    void the_swagger_ui_is_served_to_administrators() {
        given().auth().preemptive().basic(Login.ADMIN.username, Login.ADMIN.password)
                .get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
