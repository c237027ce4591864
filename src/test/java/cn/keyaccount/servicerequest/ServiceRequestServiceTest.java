package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitQuery;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceRequestServiceTest {

    @Inject
    ServiceRequestService requests;
    @Inject
    ServiceRequestQueries queries;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    VisitService visits;

    private Viewer manager() {
        return users.viewer("manager");
    }

    private long customerOf(Viewer v) {
        return customers.search(v, CustomerSearch.text(""), CustomerSearch.Order.DEFAULT, 0, 1).getFirst().id();
    }

    private RequestDetails raise(Viewer v, RequestType type, String subject) {
        return requests.create(v, new RequestDraft(customerOf(v), type, null, null, subject, "来电内容", null));
    }

    private static BusinessException.Kind refusal(Runnable call) {
        return assertThrows(BusinessException.class, call::run).kind();
    }

    @Test
    void a_phone_request_goes_to_the_customers_manager_and_every_step_is_kept_in_order() {
        Viewer manager = manager();
        Viewer other = users.viewer("mgr05");
        RequestDetails made = raise(manager, RequestType.QUESTION, "功率因数考核咨询");
        long id = made.request().id();
        assertEquals(RequestSource.PHONE, made.request().source());
        assertEquals(RequestStatus.OPEN, made.request().status());
        assertEquals(manager.userId(), made.ownerId(), "the customer's manager owns it");
        requests.start(manager, id, made.version());
        requests.comment(manager, id, "已电话联系客户电工");
        RequestDetails handed = requests.handOff(manager, id, new HandOff(other.userId(), null, "请营销部答复",
                null));
        assertEquals(other.userId(), handed.ownerId());
        assertTrue(queries.inbox(other, 500).stream().anyMatch(r -> r.id() == id), "in the new owner's inbox");
        assertFalse(queries.inbox(manager, 500).stream().anyMatch(r -> r.id() == id), "gone from the old one's");
        RequestDetails closed = requests.close(other, id, "已答复：按国家标准考核 0.9", handed.version());
        assertEquals(List.of(RequestEventKind.CREATED, RequestEventKind.STARTED, RequestEventKind.COMMENT,
                RequestEventKind.HANDED_OFF, RequestEventKind.CLOSED),
                closed.events().stream().map(RequestEventRow::kind).toList());
        assertEquals("请营销部答复", closed.events().get(3).note());
        assertEquals(other.displayName(), closed.events().get(3).toOwnerName());
        assertEquals("已答复：按国家标准考核 0.9", closed.answer());
    }

    @Test
    void nothing_is_closed_without_an_answer_text() {
        Viewer manager = manager();
        long id = raise(manager, RequestType.QUESTION, "无答复不办结").request().id();
        BusinessException e = assertThrows(BusinessException.class, () -> requests.close(manager, id, "  ", null));
        assertEquals(BusinessException.Kind.VALIDATION, e.kind());
        assertEquals("answer", e.fieldErrors().getFirst().field());
        assertEquals(RequestStatus.OPEN, queries.get(manager, id).request().status());
    }

    @Test
    void a_closed_request_changes_only_by_reopening() {
        Viewer manager = manager();
        long id = raise(manager, RequestType.QUESTION, "办结后不可改").request().id();
        RequestDetails closed = requests.close(manager, id, "已答复", null);
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> requests.comment(manager, id, "补充")));
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> requests.start(manager, id, null)));
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> requests.handOff(manager, id,
                new HandOff(manager.userId(), null, "转", null))));
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> requests.close(manager, id, "再答复", null)));
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> requests.reopen(manager, id, "重开",
                closed.version() - 1)), "a stale version is refused");
        RequestDetails reopened = requests.reopen(manager, id, "客户不满意", closed.version());
        assertEquals(RequestStatus.REOPENED, reopened.request().status());
        assertEquals(1, reopened.reopenCount());
        assertEquals(BusinessException.Kind.CONFLICT, refusal(() -> requests.reopen(manager, id, "再开", null)),
                "an open request is not reopened");
        requests.comment(manager, id, "再次联系客户");
    }

    @Test
    void a_complaint_cannot_be_closed_by_the_person_it_is_about() {
        Viewer manager = manager();
        Viewer supervisor = users.viewer("supervisor");
        RequestDetails complaint = raise(manager, RequestType.COMPLAINT, "投诉客户经理答复不及时");
        long id = complaint.request().id();
        assertEquals(manager.userId(), complaint.aboutUserId(), "about the customer's manager by default");
        assertFalse(complaint.closable(), "the screen offers them no close");
        assertEquals(BusinessException.Kind.FORBIDDEN, refusal(() -> requests.close(manager, id, "已处理", null)));
        RequestDetails closed = requests.close(supervisor, id, "已约谈客户经理并致歉", null);
        assertEquals(RequestStatus.CLOSED, closed.request().status());
        assertEquals(supervisor.displayName(), closed.closedBy());
    }

    @Test
    void a_service_application_names_the_service_asked_for() {
        Viewer manager = manager();
        BusinessException e = assertThrows(BusinessException.class, () -> requests.create(manager,
                new RequestDraft(customerOf(manager), RequestType.SERVICE, null, null, "申请检测", null, null)));
        assertEquals("serviceKind", e.fieldErrors().getFirst().field());
        RequestDetails ok = requests.create(manager, new RequestDraft(customerOf(manager), RequestType.SERVICE,
                ServiceKind.POWER_QUALITY, ServiceArea.RURAL, "申请电能质量测试", null, null));
        assertEquals(ServiceKind.POWER_QUALITY, ok.request().serviceKind());
        assertEquals(ServiceArea.RURAL, ok.area());
    }

    @Test
    void another_manager_sees_a_request_only_once_it_is_handed_to_them_and_a_scheduler_only_reads() {
        Viewer manager = manager();
        Viewer other = users.viewer("mgr05");
        Viewer scheduler = users.viewer("scheduler");
        long id = raise(manager, RequestType.REPAIR, "变压器异响").request().id();
        assertEquals(BusinessException.Kind.NOT_FOUND, refusal(() -> queries.get(other, id)));
        assertEquals(BusinessException.Kind.NOT_FOUND, refusal(() -> requests.comment(other, id, "看看")));
        assertTrue(queries.find(other, id).isEmpty());
        if (queries.find(scheduler, id).isPresent()) {
            assertEquals(BusinessException.Kind.FORBIDDEN, refusal(() -> requests.start(scheduler, id, null)));
        }
        requests.handOff(manager, id, new HandOff(other.userId(), null, "跨片区协助", null));
        RequestDetails seen = queries.get(other, id);
        assertTrue(seen.editable(), "the owner handles it");
        assertEquals(BusinessException.Kind.FORBIDDEN, refusal(() -> requests.create(scheduler,
                new RequestDraft(customerOf(manager), RequestType.QUESTION, null, null, "调度员", null, null))));
    }

    @Test
    void a_request_handed_to_a_unit_waits_in_its_supervisors_inbox() {
        Viewer manager = manager();
        Viewer supervisor = users.viewer("supervisor");
        long id = raise(manager, RequestType.QUESTION, "转单位处理").request().id();
        RequestDetails handed = requests.handOff(manager, id, new HandOff(null, supervisor.unitId(), "请分派",
                null));
        assertEquals(null, handed.ownerId());
        assertTrue(queries.inbox(supervisor, 500).stream().anyMatch(r -> r.id() == id));
        assertEquals(BusinessException.Kind.VALIDATION, refusal(() -> requests.handOff(manager, id,
                new HandOff(null, supervisor.unitId(), " ", null))), "a hand-off says why");
    }

    @Test
    void a_visits_demands_become_one_request_linked_back_to_the_visit() {
        Viewer manager = manager();
        VisitRow visit = visits.list(manager, new VisitQuery(null, null, null, null, null, VisitQuery.Show.DONE,
                        false), 0, 200).stream()
                .filter(v -> {
                    String d = visits.get(manager, v.id()).demands();
                    return d != null && !d.isBlank();
                }).findFirst().orElseThrow();
        RequestDetails first = requests.fromVisit(manager, visit.id(), null);
        RequestDetails again = requests.fromVisit(manager, visit.id(), RequestType.COMPLAINT);
        assertEquals(first.request().id(), again.request().id(), "one request per visit");
        assertEquals(RequestSource.VISIT, first.request().source());
        assertEquals(visit.id(), first.visitId());
        assertEquals(visit.customerId(), first.request().customerId());
        assertNotNull(first.description());
    }

    @Test
    void a_customer_raises_a_request_in_the_portal_and_sees_no_internal_notes() {
        Viewer customer = users.viewer("customer");
        Viewer admin = users.viewer("admin");
        RequestDetails made = requests.create(customer, new RequestDraft(customerOf(customer), RequestType.REPAIR,
                null, null, "门户报修：配电室漏水", null, null));
        long id = made.request().id();
        assertEquals(RequestSource.PORTAL, made.request().source());
        assertFalse(made.editable());
        requests.comment(admin, id, "内部：安排抢修班");
        RequestDetails seen = queries.get(customer, id);
        assertTrue(seen.events().stream().noneMatch(e -> e.kind() == RequestEventKind.COMMENT));
        assertEquals(BusinessException.Kind.FORBIDDEN, refusal(() -> requests.comment(customer, id, "催办")));
    }

    @Test
    void the_list_searches_filters_and_pages_in_the_viewers_scope() {
        Viewer manager = manager();
        String subject = "检索专用" + System.nanoTime();
        long id = raise(manager, RequestType.PRAISE, subject).request().id();
        RequestFilter byText = new RequestFilter(subject, null, null, false, null, false);
        assertEquals(List.of(id), queries.list(manager, byText, 0, 10).stream().map(RequestRow::id).toList());
        assertEquals(1, queries.count(manager, byText));
        assertEquals(0, queries.count(users.viewer("mgr05"), byText), "another manager's scope");
        assertEquals(0, queries.count(manager, new RequestFilter(subject, RequestType.REPAIR, null, false, null,
                false)));
        requests.close(manager, id, "感谢", null);
        assertEquals(0, queries.count(manager, new RequestFilter(subject, null, null, true, null, false)),
                "closed is not open");
        assertTrue(queries.list(manager, RequestFilter.all(), 0, 5).size() <= 5);
        assertTrue(queries.list(manager, RequestFilter.all(), 0, 500).stream()
                .allMatch(r -> Objects.nonNull(r.customerName())));
    }
}
