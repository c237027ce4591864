package cn.keyaccount.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerExcel.ImportProblem;
import cn.keyaccount.customer.CustomerExcel.ImportResult;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ExportStream;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerExcelTest {

    private static final AtomicLong NEXT_ACCOUNT = new AtomicLong(9_900_000_000L + System.currentTimeMillis() % 10_000_000);

    @Inject
    CustomerExcel excel;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    @Test
    void the_export_of_every_customer_streams_each_one_once_without_holding_a_transaction() throws IOException {
        Viewer admin = users.viewer("admin");
        CustomerSearch everyone = new CustomerSearch(null, null, null, null, null, null);
        ExportStream out = new ExportStream();
        excel.export(admin, everyone, out);
        assertEquals(0, out.writesInTransaction(), "no transaction is open while the file is written");
        try (Workbook workbook = new XSSFWorkbook(out.read())) {
            Sheet sheet = workbook.getSheetAt(0);
            long count = customers.count(admin, everyone);
            assertEquals(count, sheet.getLastRowNum(), "one row per customer");
            java.util.Set<String> accounts = new java.util.HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                accounts.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertEquals(count, accounts.size(), "no customer twice");
        }
    }

    @Test
    void the_export_holds_a_header_and_one_row_per_customer_the_search_finds() throws IOException {
        Viewer supervisor = users.viewer("supervisor");
        CustomerSearch search = new CustomerSearch(null, Tier.B, null, null, null, null);
        try (Workbook workbook = exported(supervisor, search)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertEquals("户号 Account no", header.getCell(0).getStringCellValue());
            assertEquals(CustomerExcel.titles().size(), header.getLastCellNum());
            long count = customers.count(supervisor, search);
            assertTrue(count > 0, "the demo company has tier-B customers in the supervisor's unit");
            assertEquals(count, sheet.getLastRowNum());
            Cell capacity = sheet.getRow(1).getCell(CustomerExcel.titles().indexOf("合同容量 kVA Contract capacity"));
            assertEquals(CellType.NUMERIC, capacity.getCellType());
        }
    }

    @Test
    void an_import_with_one_bad_credit_code_writes_nothing_and_names_that_row_and_field() throws IOException {
        Viewer supervisor = users.viewer("supervisor");
        List<String> accounts = new ArrayList<>();
        byte[] file = importFile(supervisor, 3, accounts, 3);

        ImportResult result = excel.importCustomers(supervisor, new ByteArrayInputStream(file), "new.xlsx");

        assertEquals(0, result.created());
        assertEquals(1, result.problems().size(), () -> result.problems().toString());
        ImportProblem problem = result.problems().getFirst();
        assertEquals("new.xlsx", problem.fileName());
        assertEquals(3, problem.row());
        assertEquals("creditCode", problem.field());
        assertEquals("error.credit-code", problem.key());
        for (String account : accounts) {
            assertEquals(0, customers.count(supervisor, CustomerSearch.text(account)), account + " was written");
        }
    }

    @Test
    void a_valid_import_creates_every_customer() throws IOException {
        Viewer supervisor = users.viewer("supervisor");
        List<String> accounts = new ArrayList<>();
        long before = customers.count(supervisor, CustomerSearch.all());
        byte[] file = importFile(supervisor, 3, accounts, -1);

        ImportResult result = excel.importCustomers(supervisor, new ByteArrayInputStream(file), "new.xlsx");

        assertTrue(result.succeeded(), () -> result.problems().toString());
        assertEquals(3, result.created());
        assertEquals(before + 3, customers.count(supervisor, CustomerSearch.all()));
        for (String account : accounts) {
            assertEquals(1, customers.count(supervisor, CustomerSearch.text(account)), account + " is missing");
        }
    }

    private Workbook exported(Viewer viewer, CustomerSearch search) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        excel.export(viewer, search, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    /** The first {@code rows} customers of an export under new account numbers; {@code badRow} (1-based sheet row
     * number, header is row 1) gets a credit code with a wrong check character. */
    @Test
    void a_cell_longer_than_excel_allows_is_refused_naming_row_and_column_before_any_row_is_checked()
            throws IOException {
        Viewer supervisor = users.viewer("supervisor");
        List<String> row = new ArrayList<>(java.util.Collections.nCopies(CustomerExcel.titles().size(), ""));
        row.set(0, String.valueOf(NEXT_ACCOUNT.incrementAndGet()));
        row.set(1, "LONGCELL");
        byte[] honest = cn.keyaccount.support.CraftedFiles.xlsx(List.of(CustomerExcel.titles(), row));
        // varied characters, so that the file deflates like text and not like a zip bomb
        StringBuilder name = new StringBuilder();
        java.util.Random random = new java.util.Random(15);
        while (name.length() < 40_000) {
            name.append((char) (0x4E00 + random.nextInt(2_000)));
        }
        byte[] crafted = cn.keyaccount.support.CraftedFiles.replaceInSheet(honest, "LONGCELL", name.toString());

        ImportResult result = excel.importCustomers(supervisor, new ByteArrayInputStream(crafted), "long.xlsx");

        assertEquals(1, result.problems().size(), result.problems().toString());
        ImportProblem p = result.problems().getFirst();
        assertEquals("import.cell-too-long", p.key());
        assertEquals(2, p.row());
        assertEquals("B", p.column());
        assertEquals("long.xlsx", p.fileName());
    }

    @Test
    void a_zip_bomb_is_refused_as_too_large() throws IOException {
        byte[] honest = cn.keyaccount.support.CraftedFiles.xlsx(List.of(CustomerExcel.titles()));
        byte[] bomb = cn.keyaccount.support.CraftedFiles.zipBomb(honest, 64);

        ImportResult result = excel.importCustomers(users.viewer("supervisor"), new ByteArrayInputStream(bomb),
                "bomb.xlsx");

        assertEquals(List.of("import.too-large"), result.problems().stream().map(ImportProblem::key).toList());
    }

    private byte[] importFile(Viewer viewer, int rows, List<String> accounts, int badRow) throws IOException {
        int creditColumn = CustomerExcel.titles().indexOf("统一社会信用代码 Credit code");
        try (Workbook source = exported(viewer, CustomerSearch.all()); Workbook target = new XSSFWorkbook()) {
            Sheet from = source.getSheetAt(0);
            Sheet to = target.createSheet("import");
            for (int r = 0; r <= rows; r++) {
                Row in = from.getRow(r);
                Row out = to.createRow(r);
                for (Cell cell : in) {
                    Cell copy = out.createCell(cell.getColumnIndex());
                    if (cell.getCellType() == CellType.NUMERIC) {
                        copy.setCellValue(cell.getNumericCellValue());
                    } else {
                        copy.setCellValue(cell.getStringCellValue());
                    }
                }
                if (r > 0) {
                    String account = Long.toString(NEXT_ACCOUNT.getAndIncrement());
                    accounts.add(account);
                    out.getCell(0).setCellValue(account);
                }
                if (r + 1 == badRow) {
                    String code = out.getCell(creditColumn).getStringCellValue();
                    char wrong = code.charAt(17) == '0' ? '1' : '0';
                    out.getCell(creditColumn).setCellValue(code.substring(0, 17) + wrong);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            target.write(bytes);
            return bytes.toByteArray();
        }
    }
}
