package cn.keyaccount.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.keyaccount.base.Messages;
import cn.keyaccount.portrait.PortraitTag;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentTagsTest {

    /** Far after the demo's bills, so that only this test's count. */
    private static final LocalDate AS_OF = LocalDate.of(2031, 6, 30);

    @Inject
    PaymentTags source;
    @Inject
    EntityManager em;

    private long customerWithoutBills(int skip) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select c.id from customer c "
                + "where not exists (select 1 from bill b where b.customer_id = c.id) order by c.id offset ?1 limit 1")
                .setParameter(1, skip).getSingleResult()).longValue());
    }

    private void bill(long customerId, String period, String total, LocalDate due, LocalDate paid, String paidAmount) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into bill (customer_id, period, total, "
                        + "due_date, issued_by, source_file, paid_at, paid_amount) values (?1, ?2, cast(?3 as numeric), ?4, "
                        + "'test', 'test.csv', ?5, cast(?6 as numeric))")
                .setParameter(1, customerId).setParameter(2, period).setParameter(3, total).setParameter(4, due)
                .setParameter(5, paid).setParameter(6, paidAmount).executeUpdate());
    }

    @Test
    void overdue_unpaid_bills_are_arrears_and_bills_paid_late_are_late_payments_with_their_numbers() {
        long owing = customerWithoutBills(0);
        long punctual = customerWithoutBills(1);
        bill(owing, "2031-03", "12345.60", LocalDate.of(2031, 4, 20), null, null);
        bill(owing, "2031-04", "600.00", LocalDate.of(2031, 5, 20), null, null);
        bill(owing, "2031-01", "500.00", LocalDate.of(2031, 2, 20), LocalDate.of(2031, 3, 1), "500.00");
        bill(owing, "2031-02", "500.00", LocalDate.of(2031, 3, 20), LocalDate.of(2031, 3, 25), "500.00");
        bill(punctual, "2031-03", "800.00", LocalDate.of(2031, 4, 20), LocalDate.of(2031, 4, 10), "800.00");
        bill(punctual, "2031-05", "800.00", LocalDate.of(2031, 7, 20), null, null); // not due yet

        Map<Long, List<PortraitTag>> tags = source.tags(List.of(owing, punctual), AS_OF);
        assertFalse(tags.containsKey(punctual), "paid on time, the open bill not due yet: " + tags.get(punctual));
        PortraitTag arrears = tags.get(owing).stream().filter(t -> t.code().equals("ARREARS")).findFirst().orElseThrow();
        // 12,345.60 + 600.00 unpaid (a bill with a payment date counts as paid, as the arrears reminders count it);
        // the oldest due 2031-04-20, 71 days before
        assertEquals(List.of(12945.60, 2.0, 71.0), arrears.args());
        assertEquals("逾期未缴 12,945.60 元（2 张账单，最早已逾期 71 天）",
                Messages.get(Messages.CHINESE, arrears.reasonKey(), arrears.args().toArray()));
        assertEquals("¥12,945.60 overdue and unpaid (2 bills, the oldest 71 days overdue)",
                Messages.get(Messages.ENGLISH, arrears.reasonKey(), arrears.args().toArray()));
        PortraitTag late = tags.get(owing).stream().filter(t -> t.code().equals("LATE_PAYMENTS")).findFirst()
                .orElseThrow();
        assertEquals(List.of(2.0, 4.0), late.args(), "2 of the 4 bills due in the last 12 months paid late");
        assertEquals("近 12 个月 4 张账单中 2 张逾期缴纳",
                Messages.get(Messages.CHINESE, late.reasonKey(), late.args().toArray()));
    }
}
