package cn.keyaccount.servicerequest;

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
class ComplaintTagsTest {

    /** Far after the demo's requests, so that only this test's count. */
    private static final LocalDate AS_OF = LocalDate.of(2031, 6, 30);

    @Inject
    ComplaintTags source;
    @Inject
    EntityManager em;

    private long customer(int skip) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select id from customer "
                + "order by id offset ?1 limit 1").setParameter(1, skip).getSingleResult()).longValue());
    }

    private void request(long customerId, String type, String status, String openedAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into service_request (customer_id, "
                        + "request_type, service_kind, source, status, subject, owner_unit_id, opened_at, created_by, "
                        + "answer, closed_at) select c.id, ?2, case when ?2 = 'SERVICE' then 'METER_CHECK' end, 'PHONE', "
                        + "?3, '测试', c.unit_id, ?4, 'test', case when ?3 = 'CLOSED' then '已答复' end, "
                        + "case when ?3 = 'CLOSED' then cast(?4 as timestamptz) end from customer c where c.id = ?1")
                .setParameter(1, customerId).setParameter(2, type).setParameter(3, status)
                .setParameter(4, OffsetDateTime.parse(openedAt)).executeUpdate());
    }

    @Test
    void complaints_of_the_last_twelve_months_are_a_risk_tag_with_how_many_and_how_many_still_open() {
        long complaining = customer(3);
        long quiet = customer(4);
        request(complaining, "COMPLAINT", "OPEN", "2031-05-02T10:00:00+08:00");
        request(complaining, "COMPLAINT", "CLOSED", "2030-09-01T10:00:00+08:00");
        request(complaining, "COMPLAINT", "CLOSED", "2030-06-01T10:00:00+08:00"); // more than 12 months before
        request(quiet, "REPAIR", "OPEN", "2031-05-02T10:00:00+08:00");

        Map<Long, List<PortraitTag>> tags = source.tags(List.of(complaining, quiet), AS_OF);
        assertFalse(tags.containsKey(quiet), "a repair is no complaint");
        PortraitTag t = tags.get(complaining).getFirst();
        assertEquals("COMPLAINTS", t.code());
        assertEquals(List.of(2.0, 1.0), t.args());
        assertEquals("近 12 个月投诉 2 次，其中 1 次未办结", Messages.get(Messages.CHINESE, t.reasonKey(),
                t.args().toArray()));
        assertEquals("2 complaints in the last 12 months, 1 not closed", Messages.get(Messages.ENGLISH, t.reasonKey(),
                t.args().toArray()));
    }
}
