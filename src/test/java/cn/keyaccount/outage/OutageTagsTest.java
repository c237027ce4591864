package cn.keyaccount.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.keyaccount.base.Messages;
import cn.keyaccount.portrait.PortraitTag;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutageTagsTest {

    /** Far after the demo's outages, so that only this test's count. */
    private static final LocalDate AS_OF = LocalDate.of(2031, 6, 30);

    @Inject
    OutageTags source;
    @Inject
    EntityManager em;

    private long customer(int skip) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select id from customer "
                + "order by id offset ?1 limit 1").setParameter(1, skip).getSingleResult()).longValue());
    }

    private void outage(long customerId, String kind, String status, String from, String to) {
        QuarkusTransaction.requiringNew().run(() -> {
            long id = ((Number) em.createNativeQuery("insert into outage (kind, status, title, reason, starts_at, "
                            + "ends_at, unit_id, unit_path, created_by, cancel_reason) select ?1, ?2, '测试停电', '检修', ?3, ?4, "
                            + "u.id, u.path, 'test', case when ?2 = 'CANCELLED' then '取消' end from customer c "
                            + "join org_unit u on u.id = c.unit_id where c.id = ?5 returning id")
                    .setParameter(1, kind).setParameter(2, status).setParameter(3, OffsetDateTime.parse(from))
                    .setParameter(4, OffsetDateTime.parse(to)).setParameter(5, customerId).getSingleResult()).longValue();
            em.createNativeQuery("insert into outage_customer (outage_id, customer_id, effect, lines_out) "
                    + "values (?1, ?2, 'OUT', '10kV 测试线')").setParameter(1, id).setParameter(2, customerId)
                    .executeUpdate();
        });
    }

    @Test
    void outages_suffered_this_year_from_two_on_are_a_risk_tag_with_faults_and_hours() {
        long often = customer(7);
        long once = customer(8);
        outage(often, "PLANNED", "ANNOUNCED", "2031-03-01T08:00:00+08:00", "2031-03-01T16:00:00+08:00");
        outage(often, "FAULT", "ANNOUNCED", "2031-05-01T10:00:00+08:00", "2031-05-01T11:30:00+08:00");
        outage(often, "PLANNED", "CANCELLED", "2031-06-01T08:00:00+08:00", "2031-06-01T16:00:00+08:00");
        outage(often, "PLANNED", "ANNOUNCED", "2030-12-01T08:00:00+08:00", "2030-12-01T16:00:00+08:00"); // last year
        outage(once, "FAULT", "ANNOUNCED", "2031-05-01T10:00:00+08:00", "2031-05-01T11:00:00+08:00");

        Map<Long, List<PortraitTag>> tags = source.tags(List.of(often, once), AS_OF);
        assertFalse(tags.containsKey(once), "one outage is under the threshold (keyaccount.portrait.risk.outages)");
        PortraitTag t = tags.get(often).getFirst();
        assertEquals("OUTAGES", t.code());
        assertEquals(List.of(2.0, 1.0, 9.5), t.args());
        assertEquals("今年以来停电 2 次（其中故障 1 次），共 9.5 小时",
                Messages.get(Messages.CHINESE, t.reasonKey(), t.args().toArray()));
        assertEquals("2 outages this year (1 of them faults), 9.5 hours in all",
                Messages.get(Messages.ENGLISH, t.reasonKey(), t.args().toArray()));
    }
}
