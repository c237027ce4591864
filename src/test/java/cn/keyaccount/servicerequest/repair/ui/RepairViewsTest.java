package cn.keyaccount.servicerequest.repair.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceArea;
import cn.keyaccount.servicerequest.ServiceRequestService;
import cn.keyaccount.servicerequest.repair.CrewDetails;
import cn.keyaccount.servicerequest.repair.CrewService;
import cn.keyaccount.servicerequest.repair.RepairDetails;
import cn.keyaccount.servicerequest.repair.RepairService;
import cn.keyaccount.servicerequest.repair.RepairStep;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.button.Button;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RepairViewsTest extends BrowserlessQuarkusTest {

    @Inject
    ServiceRequestService requests;
    @Inject
    RepairService repairs;
    @Inject
    CrewService crews;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    private RepairDetails newRepair() {
        Viewer manager = users.viewer("manager");
        long customer = em.createQuery("select c.id from Customer c where c.manager.username = 'manager' and "
                + "c.unit.id = (select u.unit.id from AppUser u where u.username = 'crew') order by c.id", Long.class)
                .setMaxResults(1).getSingleResult();
        long request = requests.create(manager, new RequestDraft(customer, RequestType.REPAIR, null,
                ServiceArea.URBAN, "界面抢修" + System.nanoTime(), "进线柜跳闸", null)).request().id();
        return repairs.ofRequest(manager, request).orElseThrow();
    }

    @Test
    void a_crew_sign_in_lands_on_its_repairs_from_the_workbench_and_any_other_page() {
        signIn("crew", Role.REPAIR_CREW_NAME);
        assertInstanceOf(CrewRepairsView.class, openLocation(""), "the home page of a crew is its list");
        assertInstanceOf(CrewRepairsView.class, openLocation("customers"), "no customer list for a crew");
        assertInstanceOf(CrewRepairsView.class, openLocation("service-requests"));
    }

    @Test
    void the_crew_accepts_on_its_phone_page_and_an_arrival_before_the_dispatch_is_marked_at_the_time() {
        RepairDetails r = newRepair();
        signIn("crew", Role.REPAIR_CREW_NAME);
        CrewRepairsView list = open("crew", CrewRepairsView.class);
        assertTrue(list.shown.stream().anyMatch(x -> x.id() == r.id()), "the new repair is in the crew's list");
        CrewRepairView page = open("crew/repair/" + r.id(), CrewRepairView.class);
        Button accept = (Button) page.actions.getChildren().findFirst().orElseThrow();
        assertEquals("接单", accept.getText());
        click(accept);
        assertEquals(RepairStep.ACCEPTED, page.repair.step(), notifications().toString());
        page.at.setValue(LocalDateTime.now().minusDays(1));
        Button arrived = page.actions.getChildren().map(Button.class::cast)
                .filter(b -> b.getText().equals("到达现场")).findFirst().orElseThrow();
        click(arrived);
        assertTrue(page.at.isInvalid(), "the time going backwards is marked at the time field");
        assertTrue(page.at.getErrorMessage().contains("早于接单时间"), page.at.getErrorMessage());
        assertEquals(RepairStep.ACCEPTED, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> repairs.get(users.viewer("crew"), r.id()).step()), "stored: accepted, not arrived");
    }

    @Test
    void a_supervisor_adds_a_crew_in_the_dialog_and_a_manager_only_reads_the_list() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        CrewsView view = open("repair-crews", CrewsView.class);
        click(view.add);
        roundTrip();
        CrewForm form = view.form;
        String name = "界面测试班" + System.nanoTime() % 100000;
        form.unit.setValue(form.unit.getListDataView().getItems().filter(u -> u.name().contains("西郊"))
                .findFirst().orElseThrow());
        form.name.setValue(name);
        form.members.setValue("甲，乙");
        form.mobile.setValue("abc");
        form.area.setValue(ServiceArea.REMOTE);
        form.active.setValue(false);
        click(form.save);
        assertTrue(form.mobile.isInvalid(), "a wrong phone is marked at its field");
        form.mobile.setValue("13900000000");
        click(form.save);
        assertTrue(crews.list(users.viewer("supervisor")).stream().map(CrewDetails::name).anyMatch(name::equals));
        signIn("manager", Role.MANAGER_NAME);
        openLocation("");
        CrewsView read = open("repair-crews", CrewsView.class);
        assertFalse(read.add.isAttached() && read.add.isVisible(), "a manager cannot add crews");
    }
}
