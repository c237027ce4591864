package cn.keyaccount.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.security.Role;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import com.vaadin.flow.component.html.Anchor;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PortalViewTest extends BrowserlessQuarkusTest {

    @Inject
    EntityManager em;

    @Test
    void a_customer_user_opens_the_portal_and_sees_exactly_their_two_accounts() {
        Set<String> linked = Set.copyOf(em.createQuery("select c.accountNo from Customer c join c.portalUsers u "
                + "where u.username = 'customer'", String.class).getResultList());
        signIn("customer", Role.CUSTOMER_NAME);

        PortalView view = assertInstanceOf(PortalView.class, openLocation("portal"));

        List<CustomerDetails> shown = view.accountSelect.getListDataView().getItems().toList();
        assertEquals(2, linked.size());
        assertEquals(linked, shown.stream().map(CustomerDetails::accountNo).collect(Collectors.toSet()));
        assertTrue(view.accountSelect.isVisible(), "two accounts need a selector");
        assertEquals(shown.get(0).name(), view.title.getText());
        String profile = view.profile.getElement().getTextRecursively();
        assertTrue(profile.contains(shown.get(0).accountNo()), profile);

        view.accountSelect.setValue(shown.get(1));
        assertEquals(shown.get(1).name(), view.title.getText());
        assertTrue(view.profile.getElement().getTextRecursively().contains(shown.get(1).accountNo()));
    }

    @Test
    void the_customers_account_page_opens_with_cards_for_bills_outages_reports_and_the_inbox() {
        signIn("customer", Role.CUSTOMER_NAME);
        PortalView view = assertInstanceOf(PortalView.class, openLocation("portal"));
        assertEquals(List.of("portal-card-bills", "portal-card-outages", "portal-card-reports", "portal-card-inbox"),
                view.cards.getChildren().map(c -> c.getId().orElse("")).toList());
        for (var card : List.of(view.cards.outages, view.cards.reports, view.cards.inbox)) {
            Anchor link = card.getChildren().filter(Anchor.class::isInstance).map(Anchor.class::cast).findFirst()
                    .orElseThrow(() -> new AssertionError("a link on " + card.getId()));
            assertTrue(link.getHref().startsWith("portal/"), link.getHref());
        }
        String bills = view.cards.bills.getElement().getTextRecursively();
        assertTrue(bills.matches("(?s).*\\d{1,3}(,\\d{3})*\\.\\d{2} 元.*"), "money with two decimals: " + bills);
        assertTrue(view.cards.inbox.getElement().getTextRecursively().contains("条未读消息"));
    }
}
