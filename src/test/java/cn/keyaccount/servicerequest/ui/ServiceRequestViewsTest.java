package cn.keyaccount.servicerequest.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestAnswers;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestFilter;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.RequestStatus;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import cn.keyaccount.workbench.SectionSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.Paragraph;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceRequestViewsTest extends BrowserlessQuarkusTest {

    @Inject
    ServiceRequestService requests;
    @Inject
    ServiceRequestQueries queries;
    @Inject
    UserService users;
    @Inject
    CustomerService customers;
    @Inject
    RequestsCustomerTab customerTab;
    @Inject
    RequestInboxSection inboxSection;

    private CustomerRow customerOf(Viewer v) {
        return customers.search(v, CustomerSearch.text(""), CustomerSearch.Order.DEFAULT, 0, 1).getFirst();
    }

    @Test
    void a_manager_takes_a_phone_call_in_the_dialog_and_finds_it_in_the_list_in_chinese() {
        signIn("manager", Role.MANAGER_NAME);
        ServiceRequestsView view = open("service-requests", ServiceRequestsView.class);
        test(view.add).click();
        roundTrip();
        RequestForm form = view.dialog.form;
        String subject = "界面来电" + System.nanoTime();
        form.customer.setValue(customerOf(users.viewer("manager")));
        form.type.setValue(RequestType.SERVICE);
        assertTrue(form.kind.isVisible(), "a service application asks which service");
        form.subject.setValue(subject);
        click(view.dialog.save);
        assertTrue(form.kind.isInvalid(), "the missing service is marked at its field");
        form.kind.setValue(cn.keyaccount.servicerequest.ServiceKind.SAFETY_CHECK);
        click(view.dialog.save);
        List<RequestRow> found = queries.list(users.viewer("manager"), new RequestFilter(subject, null, null,
                false, null, false), 0, 5);
        assertEquals(1, found.size());
        assertTrue(UI.getCurrent().getActiveViewLocation().getPath().endsWith("service-requests/"
                + found.getFirst().id()), "the new request opens");
        ServiceRequestsView list = open("service-requests", ServiceRequestsView.class);
        list.text.setValue(subject);
        assertEquals(1, test(list.grid).size());
        assertEquals("服务申请 · 用电安全检查", test(list.grid).getCellText(0, 3));
    }

    @Test
    void the_owner_answers_and_closes_on_the_request_page_and_an_empty_answer_is_refused() {
        Viewer manager = users.viewer("manager");
        RequestDetails made = requests.create(manager, new RequestDraft(customerOf(manager).id(),
                RequestType.QUESTION, null, null, "界面答复", null, null));
        long id = made.request().id();
        signIn("manager", Role.MANAGER_NAME);
        ServiceRequestView view = open("service-requests/" + id, ServiceRequestView.class);
        click(view.close);
        assertEquals(RequestStatus.OPEN, queries.get(manager, id).request().status(), "no answer, no close");
        assertFalse(notifications().isEmpty(), "the refusal is shown");
        view.answer.setValue("已电话答复客户");
        click(view.close);
        assertEquals(RequestStatus.CLOSED, queries.get(manager, id).request().status());
        assertTrue(view.reopen.isAttached(), "a closed request offers only reopening");
        assertFalse(view.close.isAttached());
        assertEquals(2, test(view.history).size());
    }

    @Test
    void a_repair_closed_by_its_crew_reads_in_english_on_an_english_screen_with_the_cause_as_typed() {
        Viewer manager = users.viewer("manager");
        long id = requests.create(manager, new RequestDraft(customerOf(manager).id(), RequestType.REPAIR, null,
                null, "界面抢修答复" + System.nanoTime(), null, null)).request().id();
        requests.repairRestored(id, OffsetDateTime.now(), RequestAnswers.REPAIR_RESTORED_CAUSE, "电缆终端击穿",
                "抢修一班");
        signIn("manager", Role.MANAGER_NAME);
        UI.getCurrent().setLocale(Messages.ENGLISH);
        ServiceRequestView view = open("service-requests/" + id, ServiceRequestView.class);
        List<String> facts = $(Description.class).all().stream().map(d -> d.getElement().getText()).toList();
        assertTrue(facts.contains("Power restored. Cause of the fault: 电缆终端击穿"), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.contains("已恢复供电")), "no Chinese answer on the English screen");
        int rows = test(view.history).size();
        assertEquals("Power restored. Cause of the fault: 电缆终端击穿", test(view.history).getCellText(rows - 1, 3),
                "the history's closing too");

        UI.getCurrent().setLocale(Messages.CHINESE);
        open("service-requests/" + id, ServiceRequestView.class);
        assertTrue($(Description.class).all().stream().anyMatch(d -> d.getElement().getText()
                .equals("已恢复供电。故障原因：电缆终端击穿")), "and in Chinese on a Chinese screen");
    }

    @Test
    void a_complaint_about_the_manager_shows_them_no_close_button() {
        Viewer manager = users.viewer("manager");
        long id = requests.create(manager, new RequestDraft(customerOf(manager).id(), RequestType.COMPLAINT, null,
                null, "界面投诉", null, null)).request().id();
        signIn("manager", Role.MANAGER_NAME);
        ServiceRequestView view = open("service-requests/" + id, ServiceRequestView.class);
        assertFalse(view.close.isAttached());
        assertTrue($(Paragraph.class).id("request-not-closable").isVisible());
    }

    @Test
    void another_manager_opening_the_request_reads_that_it_is_not_there() {
        Viewer manager = users.viewer("manager");
        long id = requests.create(manager, new RequestDraft(customerOf(manager).id(), RequestType.QUESTION, null,
                null, "界面越权", null, null)).request().id();
        signIn("mgr05", Role.MANAGER_NAME);
        open("service-requests/" + id, ServiceRequestView.class);
        assertTrue($(Paragraph.class).id("request-not-found").getText().contains("#" + id));
    }

    @Test
    void the_customer_tab_lists_the_customers_requests_and_the_workbench_inbox_counts_the_owners() {
        Viewer manager = users.viewer("manager");
        CustomerRow customer = customerOf(manager);
        String subject = "界面页签" + System.nanoTime();
        requests.create(manager, new RequestDraft(customer.id(), RequestType.REPAIR, null, null, subject, null,
                null));
        signIn("manager", Role.MANAGER_NAME);
        open("service-requests", ServiceRequestsView.class);
        CustomerRequestsPanel panel = (CustomerRequestsPanel) customerTab.create(manager, customer.id(), true);
        assertTrue(test(panel.grid).size() >= 1);
        assertEquals(queries.count(manager, RequestFilter.ofCustomer(customer.id())), test(panel.grid).size());
        SectionSummary inbox = inboxSection.summarise(manager, (key, args) -> UI.getCurrent().getTranslation(key,
                args));
        assertEquals(queries.countInbox(manager), inbox.count());
        assertEquals("我的服务工单待办", inbox.title());
        assertTrue(inbox.count() >= 1);
    }
}
