package cn.keyaccount.portrait.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.portrait.PortraitComputation;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.SegmentStrategies;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.UI;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SegmentStrategyViewsTest extends BrowserlessQuarkusTest {

    @Inject
    PortraitComputation computation;
    @Inject
    PortraitService portraits;
    @Inject
    SegmentStrategies strategies;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;
    @Inject
    CustomerTimeline timeline;

    @Test
    void a_supervisor_writes_a_segments_strategy_on_the_segments_screen_and_the_manager_reads_it_on_the_portrait() {
        computation.recomputeAll();
        long id = customers.ownAccounts(users.viewer("customer")).getFirst().id();
        long segment = portraits.portrait(users.viewer("manager"), id).segment().id();
        signIn("supervisor", Role.SUPERVISOR_NAME);
        SegmentsView view = open(SegmentsView.class);
        assertFalse(view.strategy.isVisible(), "no strategy form before a segment is chosen");
        int row = java.util.stream.IntStream.range(0, test(view.segments).size())
                .filter(i -> test(view.segments).getRow(i).id() == segment).findFirst().orElseThrow();
        test(view.segments).select(row);
        assertTrue(view.strategy.isVisible());
        assertTrue(view.strategy.title.getText().startsWith("服务策略："), view.strategy.title.getText());
        view.strategy.interval.setValue(0);
        click(view.strategy.save);
        assertTrue(view.strategy.interval.isInvalid(), "an interval of 0 days is refused at its field");
        view.strategy.interval.setValue(21);
        view.strategy.offers.setValue("需量电费核定\n电容补偿改造");
        view.strategy.talkingPoints.setValue("了解夜班生产计划");
        click(view.strategy.save);
        assertTrue(notifications().contains("服务策略已保存"), notifications().toString());
        assertTrue(view.strategy.updated.getText().contains("supervisor"), view.strategy.updated.getText());
        assertTrue(test(view.tags).size() > 0, "the tags with their counts");
        assertFalse(test(view.tags).getCellText(0, 0).contains("_"), "no raw category codes");

        signIn("manager", Role.MANAGER_NAME);
        PortraitPanel panel = new PortraitPanel(portraits, timeline, users.viewer("manager"), id)
                .withStrategies(strategies);
        UI.getCurrent().add(panel);
        StrategyCard card = $(StrategyCard.class).single();
        String text = card.getElement().getTextRecursively();
        assertTrue(text.contains("建议每 21 天走访一次") && text.contains("电容补偿改造")
                && text.contains("了解夜班生产计划"), text);
        assertEquals(1, $(StrategyCard.class).all().size());
    }
}
