package cn.keyaccount.servicerequest.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestFilter;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.RequestSource;
import cn.keyaccount.servicerequest.RequestStatus;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.UI;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestCareViewsTest extends BrowserlessQuarkusTest {

    private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Inject
    ServiceRequestService requests;
    @Inject
    ServiceRequestQueries queries;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    EntityManager em;

    private long customerOf(Viewer v) {
        return customers.search(v, CustomerSearch.text(""), CustomerSearch.Order.DEFAULT, 0, 1).getFirst().id();
    }

    private Viewer managerOf(long customerId) {
        return users.viewer(em.createQuery("select c.manager.username from Customer c where c.id = :id",
                String.class).setParameter("id", customerId).getSingleResult());
    }

    @Test
    void a_customer_raises_a_repair_with_a_photo_in_the_portal_and_a_disguised_file_raises_nothing() {
        signIn("customer", Role.CUSTOMER_NAME);
        PortalRequestsView view = open("portal/requests", PortalRequestsView.class);
        String subject = "门户报修" + System.nanoTime();
        view.form.type.setValue(RequestType.REPAIR);
        view.form.subject.setValue(subject);
        view.pendingName = "photo.png";
        view.pendingFile = "MZ not a picture".getBytes();
        click(view.submit);
        Viewer customer = users.viewer("customer");
        RequestFilter mine = new RequestFilter(subject, null, null, false, null, false);
        assertEquals(0, queries.count(customer, mine), "a file that is not PDF/JPG/PNG by content raises nothing");
        assertTrue(view.form.isAttached());
        view.pendingFile = PNG;
        click(view.submit);
        List<RequestRow> made = queries.list(customer, mine, 0, 5);
        assertEquals(1, made.size());
        assertEquals(RequestSource.PORTAL, made.getFirst().source());
        assertTrue(UI.getCurrent().getActiveViewLocation().getPath().endsWith("portal/requests/"
                + made.getFirst().id()));
        RequestDetails stored = queries.get(customer, made.getFirst().id());
        assertEquals(1, stored.attachments().size());
        assertEquals("image/png", stored.attachments().getFirst().contentType());
    }

    @Test
    void the_customer_follows_the_steps_and_a_dissatisfied_return_visit_reopens_it() {
        Viewer customer = users.viewer("customer");
        long customerId = customerOf(customer);
        long id = requests.create(customer, new RequestDraft(customerId, RequestType.QUESTION, null, null,
                "门户回访" + System.nanoTime(), null, null)).request().id();
        Viewer manager = managerOf(customerId);
        requests.comment(manager, id, "内部：请计量班核实");
        requests.close(manager, id, "已核实：表计正常", null);
        signIn("customer", Role.CUSTOMER_NAME);
        PortalRequestView view = open("portal/requests/" + id, PortalRequestView.class);
        assertEquals(2, test(view.steps).size(), "received and answered; the internal comment is not shown");
        ReturnVisitForm form = find(view, ReturnVisitForm.class);
        form.satisfaction.setValue(1);
        click(form.record);
        assertEquals(RequestStatus.CLOSED, queries.get(customer, id).request().status(),
                "1 without a reason is refused");
        form.comment.setValue("表计明显走快，请再查");
        click(form.record);
        assertEquals(RequestStatus.REOPENED, queries.get(customer, id).request().status());
        assertTrue(view.steps.isAttached());
        assertEquals(0, view.getChildren().filter(c -> c instanceof ReturnVisitForm).count(),
                "the form is gone once recorded");
    }

    @Test
    void another_customers_request_is_not_there_in_the_portal() {
        Viewer manager = users.viewer("manager");
        long ownOfCustomer = customerOf(users.viewer("customer"));
        long other = customers.search(manager, CustomerSearch.text(""), CustomerSearch.Order.DEFAULT, 0, 50).stream()
                .filter(c -> c.id() != ownOfCustomer).findFirst().orElseThrow().id();
        long id = requests.create(manager, new RequestDraft(other, RequestType.QUESTION, null, null, "别家工单",
                null, null)).request().id();
        signIn("customer", Role.CUSTOMER_NAME);
        PortalRequestView view = open("portal/requests/" + id, PortalRequestView.class);
        assertTrue(view.getChildren().anyMatch(c -> "request-not-found".equals(c.getId().orElse(null))));
        PortalRequestsView list = open("portal/requests", PortalRequestsView.class);
        for (int i = 0; i < test(list.grid).size(); i++) {
            assertFalse(test(list.grid).getCellText(i, 0).equals("#" + id));
        }
    }

    @Test
    void the_manager_records_a_satisfied_return_visit_on_the_request_page_once() {
        Viewer manager = users.viewer("manager");
        long id = requests.create(manager, new RequestDraft(customerOf(manager), RequestType.QUESTION, null, null,
                "界面回访" + System.nanoTime(), null, null)).request().id();
        requests.close(manager, id, "已电话答复", null);
        signIn("manager", Role.MANAGER_NAME);
        ServiceRequestView view = open("service-requests/" + id, ServiceRequestView.class);
        ReturnVisitForm form = find(view, ReturnVisitForm.class);
        form.satisfaction.setValue(4);
        click(form.record);
        RequestDetails now = queries.get(manager, id);
        assertEquals(RequestStatus.CLOSED, now.request().status());
        assertEquals(4, now.returnVisits().getFirst().satisfaction());
        assertEquals(0, view.getChildren().filter(c -> c instanceof ReturnVisitForm).count(), "asked once");
        assertTrue(view.getElement().getTextRecursively().contains("4 分"), "the return visit is shown");
    }

    private static <T> T find(com.vaadin.flow.component.Component root, Class<T> type) {
        return root.getChildren().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
