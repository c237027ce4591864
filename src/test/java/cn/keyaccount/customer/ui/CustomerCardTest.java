package cn.keyaccount.customer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The customer page's record card and timeline tab, browserless: the card's facts equal what their sources show. */
@QuarkusTest
class CustomerCardTest extends BrowserlessQuarkusTest {

    @Inject
    CustomerService customers;
    @Inject
    EnergyService energy;
    @Inject
    UserService users;

    private Viewer manager() {
        signIn("manager", Role.MANAGER_NAME);
        return users.viewer("manager");
    }

    private long firstCustomer(Viewer viewer) {
        return customers.search(viewer, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).getFirst().id();
    }

    private static String fact(CustomerDetailView detail, String id) {
        return detail.card.facts.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().value();
    }

    @SuppressWarnings("unchecked")
    private List<VisitRow> visitsTab(CustomerDetailView detail) {
        detail.showTab("visit.tab");
        Grid<VisitRow> grid = (Grid<VisitRow>) $(Grid.class).id("customer-visits");
        List<VisitRow> rows = new ArrayList<>();
        for (int i = 0; i < test(grid).size(); i++) {
            rows.add(test(grid).getRow(i));
        }
        return rows;
    }

    @Test
    void the_card_shows_the_visits_health_and_manager_its_sources_show() {
        Viewer manager = manager();
        long id = firstCustomer(manager);
        CustomerDetailView detail = open("customers/" + id, CustomerDetailView.class);
        String lastVisit = fact(detail, "card-last-visit");
        String nextVisit = fact(detail, "card-next-visit");
        String health = fact(detail, "card-health");
        Optional<CardFact> openTasks = detail.card.facts.stream()
                .filter(f -> f.id().equals("card-open-visit-tasks")).findFirst();

        List<VisitRow> rows = visitsTab(detail);
        LocalDate lastDone = rows.stream().filter(v -> v.status() == VisitStatus.DONE).map(VisitRow::doneDate)
                .max(Comparator.naturalOrder()).orElseThrow(() -> new AssertionError("the demo has done visits"));
        assertEquals(lastDone.toString(), lastVisit, "the last done visit of the visits tab");
        LocalDate next = rows.stream().filter(v -> v.status() == VisitStatus.PLANNED
                || v.status() == VisitStatus.CONFIRMED).map(VisitRow::plannedDate).min(Comparator.naturalOrder())
                .orElseThrow();
        assertTrue(nextVisit.startsWith(next.toString()), "the earliest open visit of the tab: " + nextVisit);
        long tasks = rows.stream().mapToLong(VisitRow::openTasks).sum();
        assertEquals(tasks == 0 ? Optional.empty() : Optional.of(String.valueOf(tasks)),
                openTasks.map(CardFact::value), "open visit tasks, as the tab counts them");

        OptionalInt score = energy.healthScore(manager, id);
        assertEquals(score.isPresent() ? Messages.get(Messages.CHINESE, "energy.card.score", score.getAsInt())
                : Messages.get(Messages.CHINESE, "energy.card.no-readings"), health);
        assertEquals(customers.get(manager, id).managerName(), fact(detail, "card-manager").split("（")[0]);
        assertTrue(fact(detail, "card-capacity").contains("kVA"));
    }

    @Test
    void the_manager_has_every_action_and_the_report_action_opens_the_reports_tab() {
        Viewer manager = manager();
        CustomerDetailView detail = open("customers/" + firstCustomer(manager), CustomerDetailView.class);

        assertEquals(List.of("card-record-visit", "card-send-notice", "card-make-report"),
                detail.card.actions.stream().map(b -> b.getId().orElseThrow()).toList());
        test($(Button.class).id("card-make-report")).click();
        assertEquals(Messages.get(Messages.CHINESE, "report.tab"), detail.tabs.getSelectedTab().getLabel());

        test($(Button.class).id("card-record-visit")).click();
        assertTrue($(com.vaadin.flow.component.dialog.Dialog.class).all().stream().anyMatch(Component::isVisible),
                "the visit dialog opens");
    }

    @Test
    void a_scheduler_who_may_only_read_the_customer_may_send_a_notice_but_not_record_a_visit() {
        signIn("scheduler", Role.SCHEDULER_NAME);
        Viewer scheduler = users.viewer("scheduler");
        long id = firstCustomer(scheduler);
        assertFalse(customers.get(scheduler, id).editable());
        CustomerDetailView detail = open("customers/" + id, CustomerDetailView.class);

        assertEquals(List.of("card-send-notice"),
                detail.card.actions.stream().map(b -> b.getId().orElseThrow()).toList());
    }

    @Test
    void the_timeline_tab_lists_entries_by_day_and_shows_more_on_demand() {
        Viewer manager = manager();
        com.vaadin.flow.component.UI.getCurrent().navigate("customers/" + firstCustomer(manager),
                com.vaadin.flow.router.QueryParameters.of("tab", "customer.tab.timeline"));
        CustomerDetailView detail = (CustomerDetailView) getCurrentView();

        assertEquals(Messages.get(Messages.CHINESE, "customer.tab.timeline"), detail.tabs.getSelectedTab().getLabel());
        TimelinePanel panel = $(TimelinePanel.class).single();
        long entries = panel.entries.getChildren().filter(c -> c.hasClassName("timeline-entry")).count();
        assertEquals(TimelinePanel.PAGE, entries, "a first page");
        assertTrue(panel.entries.getChildren().anyMatch(c -> c instanceof H4), "grouped by day");
        assertTrue(panel.more.isVisible());
        test(panel.more).click();
        assertTrue(panel.entries.getChildren().filter(c -> c.hasClassName("timeline-entry")).count() > entries);

        panel.kinds.setValue(java.util.Set.of(cn.keyaccount.customer.TimelineKind.VISIT));
        assertTrue(panel.entries.getChildren().filter(c -> c.hasClassName("timeline-entry"))
                .allMatch(c -> "VISIT".equals(c.getElement().getAttribute("data-kind"))));
    }
}
