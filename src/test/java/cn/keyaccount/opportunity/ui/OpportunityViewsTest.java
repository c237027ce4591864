package cn.keyaccount.opportunity.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.opportunity.OpportunityQueries;
import cn.keyaccount.opportunity.OpportunityService;
import cn.keyaccount.opportunity.OpportunityStage;
import cn.keyaccount.opportunity.rest.OpportunityResourceTest;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpportunityViewsTest extends BrowserlessQuarkusTest {

    @Inject
    OpportunityService opportunities;
    @Inject
    OpportunityQueries queries;
    @Inject
    PortraitService portraits;
    @Inject
    UserService users;

    @Test
    void the_manager_opens_an_opportunity_on_the_customer_tab_and_works_it_in_the_pipeline_screen() {
        Object[] need = OpportunityResourceTest.freeNeed(Login.MANAGER);
        long customer = (Long) need[0];
        signIn("manager", Role.MANAGER_NAME);
        CustomerOpportunitiesPanel panel = new CustomerOpportunitiesPanel(opportunities, queries, portraits,
                users.viewer("manager"), customer, true);
        UI.getCurrent().add(panel);
        Button create = $(Button.class, panel).all().stream()
                .filter(b -> b.hasClassName("opportunity-create")).findFirst().orElseThrow();
        int before = test(panel.grid).size();
        click(create);
        assertEquals(before + 1, test(panel.grid).size(), "the new opportunity is listed");

        OpportunitiesView view = open(OpportunitiesView.class);
        String pipeline = view.pipeline.getElement().getTextRecursively();
        assertTrue(pipeline.contains("发现") && pipeline.contains("¥"), pipeline);
        assertFalse(view.owner.isVisible(), "a manager sees their own");
        view.stage.setValue(OpportunityStage.FOUND);
        int row = java.util.stream.IntStream.range(0, test(view.grid).size())
                .filter(i -> test(view.grid).getRow(i).customerId() == customer
                        && test(view.grid).getRow(i).tagCode().equals(need[1])).findFirst().orElseThrow();
        long id = test(view.grid).getRow(row).id();
        String pipelineBefore = view.pipeline.getElement().getTextRecursively();
        view.open(test(view.grid).getRow(row));
        roundTrip(); // the dialog attaches on the way back to the browser
        view.form.stage.setValue(OpportunityStage.LOST);
        click(view.form.save);
        assertTrue(view.form.lostReason.isInvalid(), "lost needs a reason, shown at its field: " + notifications());
        view.form.stage.setValue(OpportunityStage.PROPOSAL);
        view.form.expectedValue.setValue(new BigDecimal("86500.00"));
        view.form.nextStep.setValue("提交方案");
        click(view.form.save);
        assertTrue(notifications().contains("已保存"), notifications().toString());
        assertEquals(0, new BigDecimal("86500.00").compareTo(queries.get(users.viewer("manager"), id).expectedValue()));
        assertEquals(OpportunityStage.PROPOSAL, queries.get(users.viewer("manager"), id).stage());
        assertFalse(pipelineBefore.equals(view.pipeline.getElement().getTextRecursively()),
                "the pipeline is refreshed");
        assertTrue(view.pipeline.getElement().getTextRecursively().matches(".*方案中\\d+ 个 · ¥[\\d,]+\\.\\d\\d.*"),
                view.pipeline.getElement().getTextRecursively());
        view.stage.clear();
        assertFalse(test(view.grid).getCellText(0, 2).contains("_"), "no raw stage codes");
    }
}
