package cn.keyaccount.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BillingServiceTest {

    private static final Viewer SYSTEM = Viewer.system();
    private static final String HEADER = "户号,账期,尖峰电量,峰电量,平电量,谷电量,基本电费,力调电费,电费合计,缴费截止日\n";

    @Inject
    BillingService billing;
    @Inject
    CustomerService customers;
    @Inject
    ContactService contacts;
    @Inject
    NoticeQueries noticeQueries;

    @Inject
    NoticeInbox noticeInbox;
    @Inject
    OrgService org;

    private CustomerRow customer(int index) {
        return customers.search(SYSTEM, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 40 + index, 1).getFirst();
    }

    /** A period no other test uses, so that each test's bills are its own. */
    private static String freshPeriod() {
        return (2100 + ThreadLocalRandom.current().nextInt(800)) + "-" + String.format("%02d",
                1 + ThreadLocalRandom.current().nextInt(12));
    }

    private ContactDetails billingContact(long customerId) {
        ContactDraft d = new ContactDraft();
        d.setName("电费测试");
        d.setRole("电费联系人");
        d.setMobile("138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        d.setEmail("bill" + System.nanoTime() + "@customer.example.cn");
        d.setAcceptsSms(true);
        d.setAcceptsEmail(true);
        d.setAcceptsPortal(true);
        return contacts.add(SYSTEM, customerId, d);
    }

    @Test
    void a_file_with_an_unknown_account_and_a_bad_number_is_refused_whole_with_each_row_named() {
        CustomerRow good = customer(0);
        String period = freshPeriod();
        String csv = HEADER
                + good.accountNo() + "," + period + ",100,200,300,400,1000.00,-12.50,3500.00,2031-01-15\n"
                + "0000000000," + period + ",1,1,1,1,1,0,10,2031-01-15\n"
                + good.accountNo() + "9," + period + ",1,1,1,1,1,0,12x,2031-01-15\n";
        ImportReport r = billing.importBills(SYSTEM, "bills.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(0, r.imported());
        assertTrue(r.problems().stream().anyMatch(p -> p.row() == 3 && p.field().equals("account")
                && p.key().equals("billing.import.unknown-account")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.row() == 4 && p.field().equals("total")
                && p.key().equals("billing.import.bad-number") && p.value().equals("12x")), r.problems().toString());
        assertTrue(r.problems().stream().allMatch(p -> p.file().equals("bills.csv")));
        assertTrue(billing.ofCustomer(SYSTEM, good.id()).stream().noneMatch(b -> b.period().equals(period)),
                "the good row was not stored either");
    }

    @Test
    void a_gbk_csv_issues_the_bills_and_tells_the_billing_contacts() {
        CustomerRow a = customer(1);
        CustomerRow b = customer(2);
        ContactDetails mine = billingContact(a.id());
        String period = freshPeriod();
        String csv = HEADER
                + a.accountNo() + "," + period + ",1000,2000,3000,1500.5,8000.00,-120.00,45678.90,2031-02-15\n"
                + b.accountNo() + "," + period + ",0,100,100,100,500,0,1234.00,2031-02-15\n";
        ImportReport r = billing.importBills(SYSTEM, "账单.csv", csv.getBytes(Charset.forName("GBK")));

        assertTrue(r.ok(), r.problems().toString());
        assertEquals(2, r.imported());
        BillDetails bill = billing.ofCustomer(SYSTEM, a.id()).stream().filter(x -> x.period().equals(period))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("45678.90"), bill.total());
        assertEquals(0, new BigDecimal("7500.5").compareTo(bill.kwh()));
        assertNotNull(r.noticeId());
        List<MessageDetails> ms = noticeQueries.messages(SYSTEM, r.noticeId(), null, 0, 100);
        MessageDetails sms = ms.stream().filter(m -> m.channel() == Channel.SMS && m.recipientName().equals(mine.name())
                && m.customerId() == a.id()).findFirst().orElseThrow();
        assertTrue(sms.body().contains("45,678.90") && sms.body().contains("2031-02-15"), sms.body());
        assertTrue(sms.body().contains("7,500.5千瓦时"), "the energy grouped by thousands as the money is: " + sms.body());
        assertTrue(ms.stream().anyMatch(m -> m.customerId() == b.id()), "the second account is told too");
    }

    @Test
    void an_xlsx_file_imports_like_a_csv() throws Exception {
        CustomerRow a = customer(3);
        String period = freshPeriod();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("发行");
            String[] header = HEADER.trim().split(",");
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(a.accountNo());
            r.createCell(1).setCellValue(period);
            for (int i = 2; i <= 7; i++) {
                r.createCell(i).setCellValue(10 * i);
            }
            r.createCell(8).setCellValue(999.5);
            r.createCell(9).setCellValue("2031-03-15");
            wb.write(out);
        }
        ImportReport r = billing.importBills(SYSTEM, "bills.xlsx", out.toByteArray());
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(0, new BigDecimal("999.5").compareTo(billing.ofCustomer(SYSTEM, a.id()).stream()
                .filter(x -> x.period().equals(period)).findFirst().orElseThrow().total()));
    }

    @Test
    void arrears_reminders_escalate_by_step_until_a_payment_marks_the_bill_paid() {
        CustomerRow a = customer(4);
        String period = freshPeriod();
        LocalDate due = LocalDate.of(2031, 4, 15);
        assertTrue(billing.importBills(SYSTEM, "b.csv", (HEADER + a.accountNo() + "," + period
                + ",1,1,1,1,1,0,100.00," + due + "\n").getBytes(StandardCharsets.UTF_8)).ok());

        billing.escalateArrears(due.plusDays(2));
        assertEquals(0, bill(a.id(), period).remindersSent(), "not before the first step (+3 days)");
        billing.escalateArrears(due.plusDays(3));
        assertEquals(1, bill(a.id(), period).remindersSent());
        billing.escalateArrears(due.plusDays(4));
        assertEquals(1, bill(a.id(), period).remindersSent(), "each step once");
        billing.escalateArrears(due.plusDays(10));
        assertEquals(2, bill(a.id(), period).remindersSent());
        assertTrue(lastNoticeTitles().stream().anyMatch(t -> t.contains("第2次")));

        ImportReport paid = billing.importPayments(SYSTEM, "pay.csv", ("户号,账期,实收金额,缴费日期\n" + a.accountNo()
                + "," + period + ",100.00,2031-04-26\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(paid.ok(), paid.problems().toString());
        billing.escalateArrears(due.plusDays(30));
        assertEquals(2, bill(a.id(), period).remindersSent(), "no final notice for a paid bill");
        assertEquals(LocalDate.of(2031, 4, 26), bill(a.id(), period).paidAt());
    }

    @Test
    void an_unpaid_bill_past_the_last_step_gets_the_final_notice() {
        CustomerRow a = customer(5);
        String period = freshPeriod();
        LocalDate due = LocalDate.of(2031, 5, 15);
        assertTrue(billing.importBills(SYSTEM, "b.csv", (HEADER + a.accountNo() + "," + period
                + ",1,1,1,1,1,0,100.00," + due + "\n").getBytes(StandardCharsets.UTF_8)).ok());
        billing.escalateArrears(due.plusDays(25));
        assertEquals(3, bill(a.id(), period).remindersSent());
        assertTrue(noticeInbox.history(SYSTEM, a.id(), 0, 20).stream().anyMatch(m -> m.purpose().equals("ARREARS_FINAL")));
    }

    @Test
    void a_payment_for_an_unknown_bill_is_refused_by_row() {
        ImportReport r = billing.importPayments(SYSTEM, "pay.csv", ("户号,账期,实收金额,缴费日期\n"
                + customer(6).accountNo() + ",2999-12,1.00,2031-01-01\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.imported());
        assertEquals(2, r.problems().getFirst().row());
        assertEquals("billing.import.unknown-bill", r.problems().getFirst().key());
    }

    @Test
    void a_prepaid_balance_change_is_told_and_a_low_balance_warned_once_per_crossing() {
        long id = customer(7).id();
        List<NoticeSummary> first = billing.recordBalance(SYSTEM, id, new BigDecimal("8000.00"),
                new BigDecimal("5000.00"));
        assertEquals(List.of("balance-change"), first.stream().map(NoticeSummary::template).toList());
        List<NoticeSummary> low = billing.recordBalance(SYSTEM, id, new BigDecimal("3000.00"), null);
        assertEquals(List.of("balance-change", "low-balance"), low.stream().map(NoticeSummary::template).toList());
        List<NoticeSummary> lower = billing.recordBalance(SYSTEM, id, new BigDecimal("2000.00"), null);
        assertEquals(List.of("balance-change"), lower.stream().map(NoticeSummary::template).toList());
    }

    private BillDetails bill(long customerId, String period) {
        return billing.ofCustomer(SYSTEM, customerId).stream().filter(b -> b.period().equals(period)).findFirst()
                .orElseThrow();
    }

    private List<String> lastNoticeTitles() {
        return noticeQueries.list(SYSTEM, 0, 10).stream().map(NoticeSummary::title).toList();
    }

    @Test
    void the_bill_list_of_a_supervisor_holds_the_bills_of_their_unit_and_the_units_below_and_no_others() {
        CustomerRow c = customer(1);
        String period = freshPeriod();
        ImportReport r = billing.importBills(SYSTEM, "bills.csv", (HEADER + c.accountNo() + "," + period
                + ",100,200,300,400,1000.00,0,3500.00,2031-01-15\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.imported(), r.problems().toString());
        String path = org.get(customers.get(SYSTEM, c.id()).unitId()).path();
        Viewer inUnit = new Viewer(0, "test.supervisor", "测试主管", Role.SUPERVISOR, 0, path);
        Viewer above = new Viewer(0, "test.supervisor", "测试主管", Role.SUPERVISOR, 0, "/");
        Viewer elsewhere = new Viewer(0, "test.supervisor", "测试主管", Role.SUPERVISOR, 0, "/999999/");

        for (Viewer v : List.of(SYSTEM, inUnit, above)) {
            assertTrue(billing.list(v, true, 0, 100_000).stream()
                    .anyMatch(b -> b.customerId() == c.id() && b.period().equals(period)
                            && b.accountNo().equals(c.accountNo())), v.unitPath());
        }
        assertTrue(billing.count(inUnit, true) >= 1);
        assertEquals(List.of(), billing.list(elsewhere, false, 0, 10));
        assertEquals(0, billing.count(elsewhere, false));
    }
}
