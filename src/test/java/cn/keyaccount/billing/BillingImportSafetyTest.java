package cn.keyaccount.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.CraftedFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15, items 4, 5 and 9: bill and payment files that are large, mistyped or crafted. */
@QuarkusTest
class BillingImportSafetyTest {

    private static final Viewer SYSTEM = Viewer.system();
    private static final String HEADER = "户号,账期,尖峰电量,峰电量,平电量,谷电量,基本电费,力调电费,电费合计,缴费截止日";

    @Inject
    BillingService billing;
    @Inject
    CustomerService customers;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_bill_file_and_a_payment_file_over_65535_rows_import_whole() {
        List<CustomerRow> all = customers.search(SYSTEM, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 300);
        int years = (70_000 / (all.size() * 12)) + 1;
        StringBuilder bills = new StringBuilder(HEADER).append('\n');
        StringBuilder payments = new StringBuilder("户号,账期,实收金额,缴费日期\n");
        int rows = 0;
        for (int y = 0; y < years; y++) {
            for (int m = 1; m <= 12; m++) {
                String period = (3000 + y) + "-" + String.format("%02d", m);
                for (CustomerRow c : all) {
                    bills.append(c.accountNo()).append(',').append(period)
                            .append(",1,2,3,4,10.00,0,20.00,").append(3000 + y).append("-12-31\n");
                    payments.append(c.accountNo()).append(',').append(period).append(",20.00,2030-01-02\n");
                    rows++;
                }
            }
        }
        assertTrue(rows > 65_535, "rows: " + rows);

        ImportReport issued = billing.importBills(SYSTEM, "year-bills.csv", utf8(bills.toString()));
        assertTrue(issued.ok(), issued.problems().stream().limit(5).toList().toString());
        assertEquals(rows, issued.imported());

        ImportReport paid = billing.importPayments(SYSTEM, "year-payments.csv", utf8(payments.toString()));
        assertTrue(paid.ok(), paid.problems().stream().limit(5).toList().toString());
        assertEquals(rows, paid.imported());
        assertTrue(billing.ofCustomer(SYSTEM, all.getFirst().id()).stream()
                .filter(b -> b.period().startsWith("30")).allMatch(b -> b.paidAt() != null));
    }

    @Test
    void an_impossible_due_date_or_payment_date_is_a_row_error_naming_row_and_column() {
        CustomerRow c = customers.search(SYSTEM, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 60, 1)
                .getFirst();
        String csv = HEADER + "\n" + c.accountNo() + ",2999-01,1,1,1,1,1,0,10,2026/2/30\n";

        ImportReport r = billing.importBills(SYSTEM, "typo.csv", utf8(csv));

        assertEquals(0, r.imported());
        assertTrue(r.problems().stream().anyMatch(p -> p.row() == 2 && p.field().equals("dueDate")
                && p.key().equals("billing.import.bad-date") && p.file().equals("typo.csv")), r.problems().toString());

        ImportReport payment = billing.importPayments(SYSTEM, "pay.csv",
                utf8("户号,账期,实收金额,缴费日期\n" + c.accountNo() + ",2999-01,10,2026-02-29\n"));
        assertTrue(payment.problems().stream().anyMatch(p -> p.row() == 2 && p.field().equals("paidAt")
                && p.key().equals("billing.import.bad-date")), payment.problems().toString());
    }

    @Test
    void an_amount_beyond_what_a_bill_can_hold_is_a_row_error() {
        CustomerRow c = customers.search(SYSTEM, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 61, 1)
                .getFirst();
        String csv = HEADER + "\n" + c.accountNo() + ",2998-01,1e20,1,1,1,1,0,10,2030-01-01\n";

        ImportReport r = billing.importBills(SYSTEM, "big.csv", utf8(csv));

        assertTrue(r.problems().stream().anyMatch(p -> p.row() == 2 && p.field().equals("kwhSharp")
                && p.key().equals("billing.import.too-large")), r.problems().toString());
    }

    @Test
    void a_cell_longer_than_excel_allows_is_refused_naming_row_and_column() throws Exception {
        // POI refuses to write a cell over 32,767 characters: the file is crafted from a short one
        byte[] honest = CraftedFiles.xlsx(List.of(List.of(HEADER.split(",")), List.of("LONGCELL", "2997-01", "1", "1", "1",
                "1", "1", "0", "10", "2030-01-01")));
        byte[] crafted = CraftedFiles.replaceInSheet(honest, "LONGCELL", "x".repeat(40_000));

        ImportReport r = billing.importBills(SYSTEM, "long.xlsx", crafted);

        assertEquals(List.of("import.cell-too-long"), r.problems().stream().map(ImportProblem::key).toList());
        assertEquals(2, r.problems().getFirst().row());
        assertEquals("A", r.problems().getFirst().field());
        assertEquals("32767", r.problems().getFirst().value());
    }

    @Test
    void a_zip_bomb_is_refused_as_too_large() throws Exception {
        byte[] honest = CraftedFiles.xlsx(List.of(List.of(HEADER.split(","))));

        ImportReport r = billing.importBills(SYSTEM, "bomb.xlsx", CraftedFiles.zipBomb(honest, 64));

        assertEquals(List.of("import.too-large"), r.problems().stream().map(ImportProblem::key).toList());
    }
}
