package cn.keyaccount.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ExportStream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplianceWorkbookTest {

    @Inject
    ComplianceWorkbook workbook;
    @Inject
    OutageCompliance compliance;
    @Inject
    UserService users;
    @Inject
    Clock clock;

    @Test
    void the_export_of_the_busiest_month_streams_every_affected_customer_without_holding_a_transaction()
            throws Exception {
        Viewer supervisor = users.viewer("supervisor");
        YearMonth busiest = compliance.months(supervisor, YearMonth.now(clock).plusMonths(2), 14, null).stream()
                .max(Comparator.comparingLong(ComplianceSummary::affected)).map(s -> YearMonth.parse(s.month()))
                .orElseThrow();
        ComplianceSummary month = compliance.month(supervisor, busiest, null);
        assertTrue(month.affected() > 6, "the demo's busiest month affects customers: " + month.affected());
        ExportStream out = new ExportStream();
        workbook.write(supervisor, busiest, null, Messages.CHINESE, out, 3);
        assertEquals(0, out.writesInTransaction(), "no transaction is open while the file is written");
        try (XSSFWorkbook wb = new XSSFWorkbook(out.read())) {
            assertEquals(12, wb.getSheetAt(0).getLastRowNum(), "twelve months");
            assertEquals(month.rows().size(), wb.getSheetAt(1).getLastRowNum(), "one row per outage of the month");
            long affected = month.rows().stream().mapToLong(ComplianceOutage::affected).sum();
            Sheet customers = wb.getSheetAt(2);
            assertEquals(affected, customers.getLastRowNum(), "every affected customer of every outage, paged");
            Set<String> pairs = new HashSet<>();
            for (Row r : customers) {
                if (r.getRowNum() > 0) {
                    pairs.add((long) r.getCell(0).getNumericCellValue() + "|" + r.getCell(1).getStringCellValue());
                }
            }
            assertEquals(affected, pairs.size(), "no customer twice for one outage");
        }
    }
}
