package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.outage.OutageFixtures;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReturnVisitServiceTest {

    @Inject
    ServiceRequestService requests;
    @Inject
    ReturnVisitService returnVisits;
    @Inject
    ServiceRequestQueries queries;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    OutageFixtures fixtures;
    @Inject
    EntityManager em;

    private long customerOf(Viewer v) {
        return customers.search(v, CustomerSearch.text(""), CustomerSearch.Order.DEFAULT, 0, 1).getFirst().id();
    }

    private static BusinessException.Kind refusal(Runnable call) {
        return assertThrows(BusinessException.class, call::run).kind();
    }

    private Viewer managerOf(long customerId) {
        return users.viewer(em.createQuery("select c.manager.username from Customer c where c.id = :id",
                String.class).setParameter("id", customerId).getSingleResult());
    }

    List<Long> staffOf(String dedupeKey) {
        return em.createNativeQuery("select m.user_id from notice n join notice_message m on m.notice_id = n.id "
                + "where n.dedupe_key = ?1 and m.user_id is not null", Long.class).setParameter(1, dedupeKey)
                .getResultList().stream().map(x -> ((Number) x).longValue()).distinct().toList();
    }

    @Test
    void a_satisfied_return_visit_is_kept_once_per_closing_and_the_request_stays_closed() {
        Viewer manager = users.viewer("manager");
        long id = requests.create(manager, new RequestDraft(customerOf(manager), RequestType.QUESTION, null, null,
                "回访测试：功率因数咨询", null, null)).request().id();
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> returnVisits.record(manager, id, 5, null, null)),
                "an open request has no return visit yet");
        RequestDetails closed = requests.close(manager, id, "已电话解答", null);
        assertTrue(closed.returnVisitDue());
        assertEquals(BusinessException.Kind.VALIDATION, refusal(() -> returnVisits.record(manager, id, 6, null, null)));
        RequestDetails rated = returnVisits.record(manager, id, 5, "解答清楚", closed.version());
        assertEquals(RequestStatus.CLOSED, rated.request().status());
        assertEquals(1, rated.returnVisits().size());
        assertEquals(5, rated.returnVisits().getFirst().satisfaction());
        assertFalse(rated.returnVisitDue());
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> returnVisits.record(manager, id, 4, null, null)),
                "one return visit per closing");
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> requests.comment(manager, id, "补充")),
                "a closed request changes only by reopening, a return visit does not open it");
    }

    @Test
    void a_dissatisfied_customer_reopens_the_request_for_the_supervisor_who_is_told_at_once() {
        Viewer customer = users.viewer("customer");
        long customerId = customerOf(customer);
        long id = requests.create(customer, new RequestDraft(customerId, RequestType.SERVICE,
                ServiceKind.POWER_QUALITY, null, "回访测试：谐波测试", null, null)).request().id();
        Viewer manager = managerOf(customerId);
        requests.close(manager, id, "已完成测试，报告已发送", null);
        assertEquals(BusinessException.Kind.VALIDATION, refusal(() -> returnVisits.record(customer, id, 2, " ", null)),
                "a dissatisfied answer says why");
        RequestDetails rated = returnVisits.record(customer, id, 2, "报告没有给出治理建议", null);
        assertEquals(RequestStatus.REOPENED, rated.request().status());
        assertTrue(rated.returnVisits().getFirst().byCustomer());
        assertNull(queries.get(users.viewer("admin"), id).ownerId(), "it leaves its owner");
        assertTrue(rated.events().stream().anyMatch(e -> e.kind() == RequestEventKind.REOPENED
                && e.note().contains("报告没有给出治理建议")), "the customer sees why it was reopened");
        List<Long> told = staffOf("request-dissatisfied:" + id + ":1");
        assertFalse(told.isEmpty(), "the supervisor is told");
        for (long user : told) {
            assertEquals(Role.SUPERVISOR, users.get(Viewer.system(), user).role());
            Viewer supervisor = users.viewer(users.get(Viewer.system(), user).username());
            assertTrue(queries.inbox(supervisor, 500).stream().anyMatch(r -> r.id() == id),
                    "and finds it in their inbox");
        }
        requests.close(manager, id, "补充治理建议：加装有源滤波器", null);
        assertTrue(queries.get(customer, id).returnVisitDue(), "a new closing may be asked again");
    }

    @Test
    void only_the_customer_of_the_request_and_staff_who_handle_it_record_a_return_visit() {
        Viewer manager = users.viewer("manager");
        long customerId = customerOf(manager);
        long id = requests.create(manager, new RequestDraft(customerId, RequestType.QUESTION, null, null,
                "回访测试：权限", null, null)).request().id();
        requests.close(manager, id, "已答复", null);
        Viewer stranger = users.viewer(fixtures.portalUser(customers.search(users.viewer("admin"),
                CustomerSearch.text(""), CustomerSearch.Order.DEFAULT, 0, 300).stream()
                .filter(c -> c.id() != customerId).findFirst().orElseThrow().id()));
        assertEquals(BusinessException.Kind.NOT_FOUND, refusal(() -> returnVisits.record(stranger, id, 1, "差",
                null)), "another customer does not even see it");
        assertEquals(BusinessException.Kind.FORBIDDEN, refusal(() -> returnVisits.record(users.viewer("scheduler"),
                id, 5, null, null)), "a scheduler reads only");
    }

    @Test
    void a_reopened_complaint_about_the_manager_still_cannot_be_closed_by_them() {
        Viewer manager = users.viewer("manager");
        Viewer supervisor = users.viewer("supervisor");
        long id = requests.create(manager, new RequestDraft(customerOf(manager), RequestType.COMPLAINT, null, null,
                "回访测试：投诉经理", null, null)).request().id();
        requests.close(supervisor, id, "已约谈", null);
        returnVisits.record(supervisor, id, 1, "客户仍不满意", null);
        assertEquals(BusinessException.Kind.FORBIDDEN, refusal(() -> requests.close(manager, id, "我来办结", null)));
        assertFalse(queries.get(manager, id).closable());
    }
}
