package cn.keyaccount.supplyplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ExportStream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupplyPlanDocumentTest {

    @Inject
    SupplyPlanDocument document;
    @Inject
    FleetSchedule schedule;
    @Inject
    FleetService fleet;
    @Inject
    PlanTaskService tasks;
    @Inject
    PlanFixtures fixtures;

    @Test
    void the_word_document_has_the_cover_filled_every_section_heading_and_tables_with_the_plans_data()
            throws Exception {
        Viewer manager = fixtures.viewer("manager");
        PlanDetails p = fixtures.draft(manager, fixtures.managersCustomer(), PlanFixtures.freshWeek());
        TruckDetails truck = fixtures.truck();
        fleet.book(manager, p.id(), new BookingRequest(truck.id(), null, null, "北门接入"));
        tasks.add(manager, p.id(), new TaskDraft("核对接线图", Party.CUSTOMER, "客户电工王工", null,
                p.startsAt().toLocalDate().minusDays(2)));

        byte[] docx = document.write(manager, p.id(), Messages.CHINESE);
        // kept for a person (or an office suite) to open: target/generated-documents/supply-plan.docx
        java.nio.file.Path out = java.nio.file.Path.of("target", "generated-documents");
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.write(out.resolve("supply-plan.docx"), docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String all = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertFalse(all.contains("{{"), "every placeholder replaced: " + all);
            assertTrue(doc.getParagraphs().stream().anyMatch(x -> "Title".equals(x.getStyle())
                    && x.getText().equals(p.title())), "cover title");
            List<String> headings = doc.getParagraphs().stream().filter(x -> "Heading1".equals(x.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            for (String key : List.of("plan.doc.overview", "plan.doc.supply", "plan.doc.risks", "plan.doc.resources",
                    "plan.doc.trucks", "plan.doc.duties", "plan.doc.tasks", "plan.doc.history")) {
                assertTrue(headings.contains(Messages.get(Messages.CHINESE, key)), key + " in " + headings);
            }
            assertTrue(doc.getTables().stream().allMatch(t -> "PlanTable".equals(t.getStyleID())));
            assertTrue(cells(doc, "plan.doc.risks").contains(p.risks().getFirst().measure()));
            String trucks = cells(doc, "plan.doc.trucks");
            assertTrue(trucks.contains(truck.plate()) && trucks.contains("北门接入"), trucks);
            String taskCells = cells(doc, "plan.doc.tasks");
            assertTrue(taskCells.contains("核对接线图") && taskCells.contains("客户电工王工"), taskCells);
            assertTrue(cells(doc, "plan.doc.duties").contains(p.duties().getFirst().role()));
            assertTrue(cells(doc, "plan.doc.supply").contains(p.lines().getFirst().code()));
            assertEquals(p.tasks().size() + 2, tableAfter(doc, "plan.doc.tasks").getNumberOfRows(),
                    "header row + template tasks + the added one");
        }
    }

    @Test
    void the_committed_template_keeps_the_named_styles_the_code_fills_with() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SupplyPlanDocument.TEMPLATE);
             XWPFDocument template = new XWPFDocument(in)) {
            for (String style : List.of("Title", "Heading1", "TableHeader", "PlanTable")) {
                assertTrue(template.getStyles().styleExist(style), style);
            }
            assertTrue(template.getParagraphs().stream().anyMatch(x -> x.getText().contains("{{content}}")));
        }
    }

    @Test
    void the_fleet_schedule_of_the_longest_window_lists_every_booking_without_holding_a_transaction()
            throws Exception {
        Viewer manager = fixtures.viewer("manager");
        OffsetDateTime start = PlanFixtures.freshWeek();
        PlanDetails p = fixtures.draft(manager, fixtures.managersCustomer(), start);
        fleet.book(manager, p.id(), new BookingRequest(fixtures.truck().id(), start, start.plusDays(1), ""));
        LocalDate from = start.toLocalDate().minusDays(45);
        int days = 92;
        ExportStream out = new ExportStream();
        schedule.write(manager, from, days, Messages.CHINESE, out);
        assertEquals(0, out.writesInTransaction(), "no transaction is open while the file is written");
        OffsetDateTime windowStart = from.atStartOfDay(SupplyPlanService.ZONE).toOffsetDateTime();
        int bookings = fleet.schedule(manager, windowStart, windowStart.plusDays(days)).size();
        try (XSSFWorkbook wb = new XSSFWorkbook(out.read())) {
            assertTrue(bookings > 0, "the window holds bookings");
            assertEquals(bookings, wb.getSheetAt(0).getLastRowNum(), "one row per booking of the window");
            assertEquals(days + 1, wb.getSheetAt(1).getRow(0).getLastCellNum(), "truck column + one per day");
        }
    }

    @Test
    void the_fleet_schedule_lists_each_booking_and_marks_the_days_in_the_calendar() throws Exception {
        Viewer manager = fixtures.viewer("manager");
        OffsetDateTime start = PlanFixtures.freshWeek();
        PlanDetails p = fixtures.draft(manager, fixtures.managersCustomer(), start);
        TruckDetails truck = fixtures.truck();
        fleet.book(manager, p.id(), new BookingRequest(truck.id(), start, start.plusDays(1), ""));

        ExportStream out = new ExportStream();
        schedule.write(manager, start.toLocalDate().minusDays(1), 5, Messages.CHINESE, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(out.read())) {
            Sheet list = wb.getSheetAt(0);
            boolean listed = false;
            for (int r = 1; r <= list.getLastRowNum(); r++) {
                if (list.getRow(r).getCell(0).getStringCellValue().startsWith(truck.plate())) {
                    listed = true;
                    assertEquals(p.title(), list.getRow(r).getCell(2).getStringCellValue());
                    assertEquals(24.0, list.getRow(r).getCell(7).getNumericCellValue(), 0.001);
                }
            }
            assertTrue(listed);
            Sheet calendar = wb.getSheetAt(1);
            assertEquals(6, calendar.getRow(0).getLastCellNum(), "truck column + 5 days");
            for (int r = 1; r <= calendar.getLastRowNum(); r++) {
                if (calendar.getRow(r).getCell(0).getStringCellValue().startsWith(truck.plate())) {
                    assertEquals(null, calendar.getRow(r).getCell(1), "the day before is free");
                    assertEquals(p.title(), calendar.getRow(r).getCell(2).getStringCellValue());
                    return;
                }
            }
            throw new AssertionError("truck missing from the calendar");
        }
    }

    private static String cells(XWPFDocument doc, String headingKey) {
        return tableAfter(doc, headingKey).getText();
    }

    private static XWPFTable tableAfter(XWPFDocument doc, String headingKey) {
        String heading = Messages.get(Messages.CHINESE, headingKey);
        boolean found = false;
        for (var element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph para && heading.equals(para.getText())) {
                found = true;
            } else if (found && element instanceof XWPFTable table) {
                return table;
            }
        }
        throw new AssertionError("no table after " + heading);
    }
}
