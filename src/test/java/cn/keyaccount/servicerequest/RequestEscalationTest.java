package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestEscalationTest {

    @Inject
    ServiceRequestService requests;
    @Inject
    RequestEscalation escalation;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    TestClock time;
    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        time.reset();
    }

    private long customerOf(Viewer v) {
        return customers.search(v, CustomerSearch.text(""), CustomerSearch.Order.DEFAULT, 0, 1).getFirst().id();
    }

    List<Long> staffOf(String dedupeKey) {
        return em.createNativeQuery("select m.user_id from notice n join notice_message m on m.notice_id = n.id "
                + "where n.dedupe_key = ?1 and m.user_id is not null", Long.class).setParameter(1, dedupeKey)
                .getResultList().stream().map(x -> ((Number) x).longValue()).distinct().toList();
    }

    private void assertSupervisors(List<Long> to, String why) {
        assertTrue(!to.isEmpty(), why);
        for (long id : to) {
            assertEquals(Role.SUPERVISOR, users.get(Viewer.system(), id).role(), why);
        }
    }

    @Test
    void a_complaint_alerts_the_supervisor_at_once_and_a_repair_warns_its_owner_then_tells_the_supervisor() {
        Viewer manager = users.viewer("manager");
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, time.zone());
        time.set(start);
        long complaint = requests.create(manager, new RequestDraft(customerOf(manager), RequestType.COMPLAINT, null,
                null, "升级测试投诉", null, null)).request().id();
        assertSupervisors(staffOf("request-complaint:" + complaint), "the supervisor hears of a complaint at once");
        long repair = requests.create(manager, new RequestDraft(customerOf(manager), RequestType.REPAIR, null,
                ServiceArea.URBAN, "升级测试报修", null, null)).request().id();
        time.set(start.plusMinutes(30));
        escalation.escalate();
        assertEquals(List.of(), staffOf("request-warning:" + repair + ":RESPOND"), "30 of 45 minutes: not yet");
        time.set(start.plusMinutes(37));
        escalation.escalate();
        assertEquals(List.of(manager.userId()), staffOf("request-warning:" + repair + ":RESPOND"),
                "four fifths gone: the owner is warned");
        assertEquals(List.of(), staffOf("request-overdue:" + repair + ":RESPOND"));
        time.set(start.plusMinutes(46));
        escalation.escalate();
        escalation.escalate();
        assertSupervisors(staffOf("request-overdue:" + repair + ":RESPOND"), "run out: the supervisor is told");
        requests.start(manager, repair, null);
        time.set(start.plusMinutes(226));
        escalation.escalate();
        assertSupervisors(staffOf("request-overdue:" + repair + ":RESOLVE"),
                "still no power after the restore level: told again, for that level");
    }
}
