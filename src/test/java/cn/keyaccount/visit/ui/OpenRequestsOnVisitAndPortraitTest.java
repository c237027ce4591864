package cn.keyaccount.visit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.ui.PortraitPanel;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceRequestService;
import cn.keyaccount.servicerequest.ui.OpenRequestLinks;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import cn.keyaccount.visit.VisitQuery;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer portrait and the visit screen show the customer's open service requests: how many, with links. */
@QuarkusTest
class OpenRequestsOnVisitAndPortraitTest extends BrowserlessQuarkusTest {

    @Inject
    VisitService visits;
    @Inject
    ServiceRequestService requests;
    @Inject
    PortraitService portraits;
    @Inject
    CustomerTimeline timeline;
    @Inject
    UserService users;

    private static List<Anchor> links(Component root) {
        return root.getChildren().flatMap(c -> c instanceof Anchor a ? java.util.stream.Stream.of(a)
                : links(c).stream()).toList();
    }

    private static OpenRequestLinks findIn(Component c) {
        return c.getChildren().map(x -> x instanceof OpenRequestLinks l ? l : findIn(x)).filter(x -> x != null)
                .findFirst().orElse(null);
    }

    @Test
    void the_visit_screen_and_the_portrait_list_the_customers_open_requests_with_links() {
        Viewer manager = users.viewer("manager");
        VisitRow visit = visits.list(manager, new VisitQuery(null, null, null, null, null, VisitQuery.Show.ALL,
                false), 0, 1).getFirst();
        long id = requests.create(manager, new RequestDraft(visit.customerId(), RequestType.QUESTION, null, null,
                "走访前的未办结诉求", null, null)).request().id();
        signIn("manager", Role.MANAGER_NAME);
        VisitDialog dialog = new VisitDialog(visits, () -> manager, visit.id(), () -> { });
        dialog.open();
        OpenRequestLinks onVisit = findIn(dialog);
        assertTrue(onVisit != null, "the visit shows the open requests");
        assertTrue(onVisit.getElement().getTextRecursively().startsWith("未办结服务工单："),
                onVisit.getElement().getTextRecursively());
        assertTrue(links(onVisit).stream().anyMatch(a -> a.getHref().equals("service-requests/" + id)
                || a.getHref().endsWith("service-requests/" + id)) || links(onVisit).size() == 5,
                "a link to the request (or to the first five of many)");
        PortraitPanel panel = new PortraitPanel(portraits, timeline, manager, visit.customerId());
        UI.getCurrent().add(panel);
        OpenRequestLinks onPortrait = findIn(panel);
        assertTrue(onPortrait != null, "the portrait shows them too");
        assertEquals(onVisit.getElement().getTextRecursively(), onPortrait.getElement().getTextRecursively());
    }
}
