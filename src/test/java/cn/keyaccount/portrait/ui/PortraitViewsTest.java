package cn.keyaccount.portrait.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.portrait.PortraitComputation;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.SegmentSummary;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.UI;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PortraitViewsTest extends BrowserlessQuarkusTest {

    @Inject
    PortraitComputation computation;
    @Inject
    PortraitService portraits;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;
    @Inject
    CustomerTimeline timeline;

    @Test
    void the_portrait_tab_names_the_segment_and_draws_the_customer_over_the_centre() {
        computation.recomputeAll();
        signIn("manager", Role.MANAGER_NAME);
        long id = customers.ownAccounts(users.viewer("customer")).getFirst().id();
        PortraitPanel panel = new PortraitPanel(portraits, timeline, users.viewer("manager"), id);
        UI.getCurrent().add(panel);
        assertTrue(panel.segment.getText().startsWith("所属分群："), panel.segment.getText());
        assertFalse(panel.segment.getText().contains("_"), "no raw codes: " + panel.segment.getText());
        String option = panel.typical.getOption();
        assertTrue(option.contains("工作日") && option.contains("分群中心"), option);
        assertTrue(panel.seasons.getOption().contains("\"type\":\"line\""));
        assertTrue(panel.radar.getOption().contains("\"type\":\"radar\""), panel.radar.getOption());
        assertTrue(test(panel.figures).size() >= 6);
        assertFalse(test(panel.figures).getCellText(0, 0).contains("_"), "no raw codes");
        assertTrue(panel.activity.getComponentCount() > 0, "the customer's latest activity");
    }

    @Test
    void the_printable_view_shows_the_customer_and_its_portrait_without_the_menu() {
        computation.recomputeAll();
        signIn("manager", Role.MANAGER_NAME);
        long id = customers.ownAccounts(users.viewer("customer")).getFirst().id();
        PortraitPrintView view = open("customers/" + id + "/portrait/print", PortraitPrintView.class);
        assertTrue(view.getElement().getTextRecursively().contains("客户画像："), "heading with the customer");
        assertEquals(1, $(PortraitPanel.class).all().size());
        assertTrue($(com.vaadin.flow.component.applayout.AppLayout.class).all().isEmpty(), "no menu");
    }

    @Test
    void the_portal_customer_sees_their_shape_without_the_segment_centre() {
        computation.recomputeAll();
        signIn("customer", Role.CUSTOMER_NAME);
        long id = customers.ownAccounts(users.viewer("customer")).getFirst().id();
        PortraitPanel panel = new PortraitPanel(portraits, null, users.viewer("customer"), id);
        UI.getCurrent().add(panel);
        assertTrue(panel.typical.getOption().contains("工作日"));
        assertFalse(panel.typical.getOption().contains("分群中心"));
    }

    @Test
    void the_segments_screen_shows_the_silhouette_of_each_k_marks_the_chosen_one_and_lists_a_segments_members() {
        computation.recomputeAll();
        signIn("admin", Role.ADMIN_NAME);
        SegmentsView view = open(SegmentsView.class);
        assertTrue(view.summary.getText().contains("按轮廓系数选定"), view.summary.getText());
        int rows = test(view.silhouettes).size();
        assertEquals(7, rows);
        long chosen = java.util.stream.IntStream.range(0, rows)
                .filter(i -> test(view.silhouettes).getCellText(i, 2).contains("选用")).count();
        assertEquals(1, chosen);
        SegmentSummary first = test(view.segments).getRow(0);
        test(view.segments).select(0);
        assertTrue(view.centre.isVisible());
        assertEquals(first.nameZh(), view.chosenTitle.getText());
        assertEquals(first.members().intValue(), test(view.members).size());
    }

    @Test
    void recompute_on_the_segments_screen_returns_at_once_shows_its_progress_and_refreshes_when_done() {
        computation.recomputeAll();
        signIn("admin", Role.ADMIN_NAME);
        SegmentsView view = open(SegmentsView.class);
        test(view.recompute).click();
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        boolean sawProgress = view.progress.isVisible() && view.progress.getText().startsWith("正在重新计算");
        while (view.progress.isVisible()) {
            assertTrue(System.nanoTime() < until, "finishes within 5 minutes");
            assertFalse(view.recompute.isEnabled(), "no second start while one runs");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            view.follow();
        }
        assertTrue(sawProgress, "the progress was shown while it ran");
        assertTrue(view.recompute.isEnabled());
        assertTrue(view.summary.getText().contains("按轮廓系数选定"), view.summary.getText());
    }
}
