package cn.keyaccount.visit;

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
class MissedVisitTagsTest {

    /** Far after the demo's visits, so that only this test's count. */
    private static final LocalDate AS_OF = LocalDate.of(2031, 6, 30);

    @Inject
    MissedVisitTags source;
    @Inject
    EntityManager em;

    private long customer(int skip) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select id from customer "
                + "order by id offset ?1 limit 1").setParameter(1, skip).getSingleResult()).longValue());
    }

    private void visit(long customerId, LocalDate planned, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into visit (customer_id, manager_id, "
                        + "visit_type, planned_date, status, origin, done_date, cancel_reason) select ?1, u.id, "
                        + "'ROUTINE', ?2, ?3, 'MANUAL', case when ?3 = 'DONE' then cast(?2 as date) end, "
                        + "case when ?3 = 'CANCELLED' then '客户停产' end from app_user u where u.username = 'manager'")
                .setParameter(1, customerId).setParameter(2, planned).setParameter(3, status).executeUpdate());
    }

    @Test
    void planned_visits_past_their_date_and_not_done_are_a_risk_tag_from_two_on() {
        long missed = customer(5);
        long once = customer(6);
        visit(missed, LocalDate.of(2031, 2, 10), "PLANNED");
        visit(missed, LocalDate.of(2031, 4, 10), "CONFIRMED");
        visit(missed, LocalDate.of(2031, 5, 10), "DONE");
        visit(missed, LocalDate.of(2031, 5, 20), "CANCELLED");
        visit(missed, LocalDate.of(2031, 7, 10), "PLANNED"); // still ahead
        visit(once, LocalDate.of(2031, 3, 10), "PLANNED");

        Map<Long, List<PortraitTag>> tags = source.tags(List.of(missed, once), AS_OF);
        assertFalse(tags.containsKey(once), "one missed visit is under the threshold (keyaccount.portrait.risk.missed-visits)");
        PortraitTag t = tags.get(missed).getFirst();
        assertEquals("MISSED_VISITS", t.code());
        assertEquals(List.of(2.0, 3.0), t.args(), "2 of the 3 visits planned (not cancelled) in the last 12 months");
        assertEquals("近 12 个月计划走访 3 次，其中 2 次已过计划日期仍未完成",
                Messages.get(Messages.CHINESE, t.reasonKey(), t.args().toArray()));
        assertEquals("2 of 3 visits planned in the last 12 months past their date and not done",
                Messages.get(Messages.ENGLISH, t.reasonKey(), t.args().toArray()));
    }
}
