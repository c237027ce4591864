package cn.keyaccount.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.supplyplan.PlanAction;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanRow;
import cn.keyaccount.supplyplan.PlanStatus;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoSupplyPlansTest {

    @Inject
    SupplyPlanService plans;
    @Inject
    UserService users;

    @Test
    void the_demo_holds_a_submitted_plan_waiting_for_the_supervisor_who_can_approve_it() {
        Viewer supervisor = users.viewer(Login.SUPERVISOR.username);
        List<PlanRow> waiting = plans.list(supervisor,
                new SupplyPlanService.PlanFilter(PlanStatus.SUBMITTED, null, null), 0, 50);
        assertFalse(waiting.isEmpty(), "a submitted plan in the demo");
        PlanDetails plan = plans.get(supervisor, waiting.getFirst().id());
        assertTrue(plan.actions().contains(PlanAction.APPROVE), "the supervisor may approve it: " + plan.actions());
        PlanDetails approved = plans.transition(supervisor, plan.id(), PlanAction.APPROVE, "同意");
        assertEquals(PlanStatus.APPROVED, approved.status());
    }
}
