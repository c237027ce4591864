package cn.keyaccount.outage.rest;

import static cn.keyaccount.demo.DemoDataGenerator.Login.CUSTOMER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.MANAGER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SCHEDULER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SUPERVISOR;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The outage API with real sign-ins: register, read, the weekly plan import (all or nothing), the XLSX export. */
@QuarkusTest
class OutageResourceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A line feeding a customer of the demo manager, with its code. */
    private static Map<String, Object> managersLine() {
        long customer = Api.visibleCustomerIds(MANAGER).getFirst();
        List<Map<String, Object>> lines = Api.customer(MANAGER, customer).entrySet().stream()
                .filter(e -> e.getKey().equals("lines")).map(e -> (List<Map<String, Object>>) e.getValue())
                .findFirst().orElseThrow();
        return lines.getFirst();
    }

    @Test
    void a_scheduler_registers_an_outage_that_its_managers_see_and_a_supervisor_exports_the_month() throws IOException {
        Map<String, Object> line = managersLine();
        OffsetDateTime start = OffsetDateTime.now(ZONE).plusDays(40).withHour(9).withMinute(0).withSecond(0)
                .withNano(0);
        String location = Api.as(SCHEDULER).body(Map.of("kind", "PLANNED", "title", "接口测试检修", "reason", "检修",
                        "startsAt", start.toString(), "endsAt", start.plusHours(8).toString(),
                        "lineIds", List.of(line.get("id"))))
                .post("/api/outages").then().statusCode(201).extract().header("Location");
        JsonPath created = Api.as(SCHEDULER).get(location).then().statusCode(200).extract().jsonPath();
        long id = created.getLong("id");
        assertEquals("ANNOUNCED", created.getString("status"));
        assertTrue(created.getInt("affected") >= 1);

        JsonPath mine = Api.as(MANAGER).get("/api/outages/{id}/customers", id).then().statusCode(200).extract()
                .jsonPath();
        assertTrue(mine.getInt("total") >= 1, "the manager sees their customer on the line");
        assertTrue(mine.getInt("total") <= created.getInt("affected"));
        Api.as(MANAGER).get("/api/outages/{id}/messages", id).then().statusCode(422);

        byte[] xlsx = Api.as(SUPERVISOR).accept(XLSX).queryParam("month", start.atZoneSameInstant(ZONE)
                        .toLocalDate().toString().substring(0, 7)).get("/api/outages/compliance.xlsx").then()
                .statusCode(200).contentType(containsString("spreadsheetml")).extract().asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(3, wb.getNumberOfSheets());
            assertEquals(12, wb.getSheetAt(0).getLastRowNum(), "twelve months");
            Sheet outages = wb.getSheetAt(1);
            boolean listed = false;
            for (Row r : outages) {
                listed |= r.getRowNum() > 0 && (long) r.getCell(0).getNumericCellValue() == id;
            }
            assertTrue(listed, "the month's sheet lists the outage");
            assertTrue(wb.getSheetAt(2).getLastRowNum() >= created.getInt("affected"));
        }
        Api.as(SCHEDULER).body(Map.of("reason", "测试结束")).post("/api/outages/{id}/cancel", id).then()
                .statusCode(200);
    }

    private static byte[] plan(Object[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("周计划");
            String[] header = {"停电类型", "工作内容", "线路", "开始时间", "结束时间", "停电原因", "停电范围"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(String.valueOf(rows[r][i]));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void a_weekly_plan_with_one_bad_row_imports_nothing_and_names_each_problem_then_imports_whole() throws IOException {
        String code = (String) managersLine().get("code");
        OffsetDateTime monday = OffsetDateTime.now(ZONE).plusDays(50).withHour(8).withMinute(0);
        String start = TIME.format(monday);
        String end = TIME.format(monday.plusHours(6));
        int before = Api.as(SCHEDULER).get("/api/outages").then().statusCode(200).extract().jsonPath()
                .getInt("total");
        JsonPath refused = Api.as(SCHEDULER).contentType(XLSX).queryParam("file", "周计划.xlsx")
                .body(plan(new Object[] {"计划检修", "线路检修", code, start, end, "检修", "园区"},
                        new Object[] {"计划检修", "线路检修", "NO-SUCH-LINE", start, end, "检修", ""},
                        new Object[] {"大修", "线路检修", code, "下周一", end, "", ""}))
                .post("/api/outages/import").then().statusCode(422).extract().jsonPath();
        assertEquals(0, refused.getInt("imported"));
        assertEquals(List.of(3, 4, 4, 4), refused.getList("problems.row", Integer.class));
        assertTrue(refused.getList("problems.key", String.class).containsAll(List.of("outage.import.unknown-line",
                "outage.import.bad-kind", "outage.import.bad-time", "outage.import.required")));
        assertEquals(before, Api.as(SCHEDULER).get("/api/outages").then().extract().jsonPath().getInt("total"),
                "nothing registered");

        JsonPath done = Api.as(SCHEDULER).contentType(XLSX).queryParam("file", "周计划.xlsx")
                .body(plan(new Object[] {"计划检修", "线路检修", code, start, end, "检修", "园区"},
                        new Object[] {"临时检修", "消缺", code, TIME.format(monday.plusDays(1)),
                            TIME.format(monday.plusDays(1).plusHours(2)), "消缺", ""}))
                .post("/api/outages/import").then().statusCode(200).extract().jsonPath();
        assertEquals(2, done.getInt("imported"));
        for (Long id : done.getList("outageIds", Long.class)) {
            JsonPath o = Api.as(SCHEDULER).get("/api/outages/{id}", id).then().statusCode(200).extract().jsonPath();
            assertEquals("周计划.xlsx", o.getString("source"));
            Api.as(SCHEDULER).body(Map.of("reason", "测试结束")).post("/api/outages/{id}/cancel", id).then()
                    .statusCode(200);
        }
        Api.as(CUSTOMER).contentType(XLSX).body(plan()).post("/api/outages/import").then().statusCode(403);
    }
}
