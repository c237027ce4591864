package cn.keyaccount.portrait.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TagListResourceTest {

    /** A tag some of the demo manager's customers carry, after a fresh computation. */
    private static String managersTag() {
        Api.recomputePortraits();
        Set<Long> own = Set.copyOf(Api.visibleCustomerIds(Login.MANAGER));
        for (String code : Api.as(Login.ADMIN).get("/api/portrait/tags").then().statusCode(200).extract()
                .jsonPath().<String>getList("code")) {
            List<Long> tagged = ids(Login.ADMIN, Map.of("tag", code));
            if (tagged.stream().anyMatch(own::contains)) {
                return code;
            }
        }
        throw new AssertionError("no tag among the manager's customers");
    }

    private static List<Long> ids(Login login, Map<String, ?> filter) {
        return Api.as(login).queryParams(filter).queryParam("size", 500).get("/api/customers").then()
                .statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    @Test
    void the_customer_list_filters_by_tag_and_by_segment_within_the_callers_customers() {
        String code = managersTag();
        JsonPath counts = Api.as(Login.ADMIN).get("/api/portrait/tags").then().extract().jsonPath();
        long carrying = counts.getLong("find { it.code == '" + code + "' }.customers");
        List<Long> all = ids(Login.ADMIN, Map.of("tag", code));
        assertEquals(carrying, all.size(), "the list holds exactly the customers the tag count counts");
        for (Long id : all.subList(0, Math.min(3, all.size()))) {
            Api.as(Login.ADMIN).get("/api/customers/{id}/portrait", id).then().body("tags.code", hasItem(code));
        }
        Set<Long> managers = Set.copyOf(Api.visibleCustomerIds(Login.MANAGER));
        List<Long> own = ids(Login.MANAGER, Map.of("tag", code));
        assertTrue(managers.containsAll(own) && !own.isEmpty(), "a manager's tag list is their own customers");
        Set<Long> expected = new HashSet<>(all);
        expected.retainAll(managers);
        assertEquals(expected, Set.copyOf(own));

        JsonPath segments = Api.as(Login.SUPERVISOR).get("/api/portrait/segments").then().extract().jsonPath();
        long segment = segments.getLong("segments[0].id");
        assertEquals(segments.getInt("segments[0].membersInScope"),
                ids(Login.SUPERVISOR, Map.of("segment", segment)).size());
        List<Long> both = ids(Login.SUPERVISOR, Map.of("segment", segment, "tag", code));
        assertTrue(Set.copyOf(ids(Login.SUPERVISOR, Map.of("segment", segment))).containsAll(both));

        Api.as(Login.MANAGER).queryParam("tag", "x' or 1=1").get("/api/customers").then().statusCode(422);
        Api.as(Login.MANAGER).queryParam("segment", "first").get("/api/customers").then().statusCode(422);
    }

    @Test
    void a_tags_customers_export_to_xlsx_with_one_row_each() throws Exception {
        String code = managersTag();
        int own = ids(Login.MANAGER, Map.of("tag", code)).size();
        byte[] file = Api.as(Login.MANAGER).accept("*/*").get("/api/portrait/tags/{code}/customers.xlsx", code)
                .then().statusCode(200).header("Content-Disposition", startsWith("attachment")).extract()
                .asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(own, sheet.getLastRowNum(), "a header and one row per customer with the tag");
        }
        Api.as(Login.MANAGER).accept("*/*").get("/api/portrait/tags/{code}/customers.xlsx", "bad code")
                .then().statusCode(422);
    }

    @Test
    void a_notice_to_a_tags_customers_goes_through_the_notice_engine_and_skips_who_opted_out() {
        String code = managersTag();
        Map<String, String> body = Map.of("title", "增容方案说明会", "text", "本周五下午在营业厅介绍增容办理流程。");
        JsonPath first = Api.as(Login.MANAGER).body(body).post("/api/portrait/tags/{code}/notice", code).then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/notices/"))
                .body("template", equalTo("general")).extract().jsonPath();
        long customer = ids(Login.MANAGER, Map.of("tag", code)).getFirst();
        Api.as(Login.MANAGER).body(Map.of("name", "退订联系人", "role", "电工", "mobile", "13700000001",
                        "email", "optout@example.cn", "acceptsSms", false, "acceptsEmail", false))
                .post("/api/customers/{id}/contacts", customer).then().statusCode(201);
        JsonPath second = Api.as(Login.MANAGER).body(body).post("/api/portrait/tags/{code}/notice", code).then()
                .statusCode(201).extract().jsonPath();
        assertEquals(first.getInt("skipped") + 2, second.getInt("skipped"),
                "the opted-out contact gets neither SMS nor e-mail");
        assertEquals(first.getLong("total"), second.getLong("total"));

        Api.as(Login.MANAGER).body(Map.of("title", " ", "text", "x")).post("/api/portrait/tags/{code}/notice", code)
                .then().statusCode(422).body("fields.field", hasItem("title"));
        Api.as(Login.MANAGER).body(body).post("/api/portrait/tags/{code}/notice", "NO_SUCH_TAG").then()
                .statusCode(422);
        Api.as(Login.CUSTOMER).body(body).post("/api/portrait/tags/{code}/notice", code).then().statusCode(403);
    }
}
