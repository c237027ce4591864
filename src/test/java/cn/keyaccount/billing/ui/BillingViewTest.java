package cn.keyaccount.billing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.billing.BillDetails;
import cn.keyaccount.billing.BillingService;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BillingViewTest extends BrowserlessQuarkusTest {

    private static final String HEADER = "户号,账期,尖峰电量,峰电量,平电量,谷电量,基本电费,力调电费,电费合计,缴费截止日\n";

    @Inject
    BillingService billing;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    private static String freshPeriod() {
        return (2100 + ThreadLocalRandom.current().nextInt(800)) + "-" + String.format("%02d",
                1 + ThreadLocalRandom.current().nextInt(12));
    }

    @Test
    void a_refused_bill_file_lists_each_bad_row_and_a_good_one_shows_its_bills_unpaid() {
        Viewer scheduler = users.viewer("scheduler");
        CustomerRow c = customers.search(scheduler, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 7, 1)
                .getFirst();
        String period = freshPeriod();
        signIn("scheduler", Role.SCHEDULER_NAME);
        BillingView view = open("billing", BillingView.class);
        assertFalse(view.problems.isVisible(), "no problems before an import");

        view.show(billing.importBills(scheduler, "bad.csv", (HEADER + "0000000000," + period
                + ",1,1,1,1,1,0,12x,2099-01-15\n").getBytes(StandardCharsets.UTF_8)));
        assertTrue(view.problems.isVisible());
        assertTrue(view.problemTitle.getText().contains("bad.csv"), view.problemTitle.getText());
        assertTrue(test(view.problems).size() >= 1, "the bad row is listed");
        assertEquals(2, test(view.problems).getRow(0).row());

        view.show(billing.importBills(scheduler, "good.csv", (HEADER + c.accountNo() + "," + period
                + ",100,200,300,400,1000.00,-12.50,3500.00,2099-01-15\n").getBytes(StandardCharsets.UTF_8)));
        assertFalse(view.problems.isVisible());
        view.unpaidOnly.setValue(true);
        BillDetails mine = view.bills.getGenericDataView().getItems()
                .filter(b -> b.accountNo().equals(c.accountNo()) && b.period().equals(period)).findFirst()
                .orElseThrow();
        assertEquals(0, mine.total().compareTo(new java.math.BigDecimal("3500.00")));
        assertTrue(mine.paidAt() == null);
    }

    @Test
    void the_bill_list_shows_money_with_two_decimals_and_thousands_separators() {
        Viewer scheduler = users.viewer("scheduler");
        CustomerRow c = customers.search(scheduler, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 9, 1)
                .getFirst();
        String period = freshPeriod();
        assertTrue(billing.importBills(scheduler, "large.csv", (HEADER + c.accountNo() + "," + period
                + ",100000,300000,400000,280362,33600.00,-120.40,3237810.5,2099-01-15\n")
                .getBytes(StandardCharsets.UTF_8)).ok());
        signIn("scheduler", Role.SCHEDULER_NAME);
        BillingView view = open("billing", BillingView.class);
        java.util.List<BillDetails> shown = view.bills.getGenericDataView().getItems().toList();
        int row = java.util.stream.IntStream.range(0, shown.size()).filter(i -> shown.get(i).period().equals(period)
                && shown.get(i).accountNo().equals(c.accountNo())).findFirst().orElseThrow();
        assertEquals("1,080,362", test(view.bills).getCellText(row, 3));
        assertEquals("3,237,810.50", test(view.bills).getCellText(row, 4));
    }
}
