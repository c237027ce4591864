package cn.keyaccount.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.billing.BillAlerts;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.outage.OutagesAhead;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.PlanStatus;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import cn.keyaccount.visit.VisitDetails;
import cn.keyaccount.visit.VisitDraft;
import cn.keyaccount.visit.VisitQuery;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.visit.VisitType;
import cn.keyaccount.visit.VisitWorkload;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The workbench per role: which sections each role gets, in order; counts equal to what the service and the linked
 * page show; links to the page where an item is handled; nothing of another manager's customers.
 */
@QuarkusTest
class WorkbenchViewTest extends BrowserlessQuarkusTest {

    private static final Pattern CUSTOMER_LINK = Pattern.compile("^customers/(\\d+)$");

    @Inject
    UserService users;
    @Inject
    VisitService visits;
    @Inject
    VisitWorkload workload;
    @Inject
    BillAlerts bills;
    @Inject
    OutagesAhead outages;
    @Inject
    SupplyPlanService plans;
    @Inject
    NoticeInbox inbox;
    @Inject
    CustomerQueries customers;
    @Inject
    jakarta.enterprise.inject.Instance<WorkbenchSection> sections;

    private WorkbenchView workbenchOf(String username, String role) {
        signIn(username, role);
        UI.getCurrent().navigate("change-password"); // leave the workbench: Vaadin reuses a route's view otherwise
        Component shown = openLocation("");
        return assertInstanceOf(WorkbenchView.class, shown, "the home page of " + username + " is the workbench");
    }

    private static List<String> ids(WorkbenchView view) {
        return view.shown.stream().map(SectionSummary::id).toList();
    }

    private static SectionSummary section(WorkbenchView view, String id) {
        return view.shown.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
                "no section " + id + " in " + ids(view)));
    }

    /** The count as the card shows it, and where its link goes. */
    private Anchor countLink(String id) {
        return $(Anchor.class).all().stream().filter(a -> a.hasClassName("workbench-count")
                && a.getParent().flatMap(Component::getParent).flatMap(Component::getParent)
                .map(card -> card.getId().orElse("").equals("workbench-" + id)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no count shown for " + id));
    }

    private int gridSize(String path, String gridId) {
        String[] parts = path.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], parts.length == 1 ? QueryParameters.empty()
                : QueryParameters.fromString(parts[1]));
        roundTrip();
        Grid<?> grid = $(Grid.class).id(gridId);
        return test(grid).size();
    }

    @Test
    void a_manager_lands_on_their_day_with_visits_tasks_plan_tasks_alerts_and_outages() {
        Viewer manager = users.viewer("manager");
        long customer = customers.visibleIds(manager).getFirst();
        VisitDetails added = visits.create(manager, new VisitDraft(customer, VisitType.ROUTINE,
                visits.today().plusDays(1), LocalTime.of(9, 30)));
        try {
            managersDay(manager, added.visit().id());
        } finally {
            visits.cancel(manager, added.visit().id(), "test", null);
        }
    }

    private void managersDay(Viewer manager, long addedVisit) {
        WorkbenchView view = workbenchOf("manager", Role.MANAGER_NAME);

        assertEquals(List.of("visits-today", "requests-inbox", "visit-tasks-overdue", "plan-tasks-due",
                "applications-open", "application-tasks", "arrears", "power-factor", "outages-ahead"), ids(view));
        var today = visits.today();
        long todayAndTomorrow = visits.count(manager, new VisitQuery(today, today.plusDays(1), null, null, null,
                VisitQuery.Show.OPEN));
        assertTrue(section(view, "visits-today").rows().stream().anyMatch(r -> r.link().equals("visits?visit="
                + addedVisit)), "tomorrow's visit links to itself in the calendar");
        assertEquals(todayAndTomorrow, section(view, "visits-today").count());
        assertEquals(Long.toString(todayAndTomorrow), countLink("visits-today").getText());
        assertEquals("visits", countLink("visits-today").getHref());
        for (SectionRow r : section(view, "visits-today").rows()) {
            long id = Long.parseLong(r.link().substring("visits?visit=".length()));
            var planned = visits.get(manager, id).visit().plannedDate();
            assertTrue(!planned.isBefore(today) && !planned.isAfter(today.plusDays(1)), r.link() + " " + planned);
        }
        assertEquals(workload.countTasks(manager, true, null), section(view, "visit-tasks-overdue").count());
        assertEquals(visits.tasks(manager, true, null, 0, 10_000).size(),
                section(view, "visit-tasks-overdue").count(), "as many as the task list holds");
        assertEquals(bills.countArrears(manager), section(view, "arrears").count());
        section(view, "arrears").rows().forEach(r -> assertTrue(CUSTOMER_LINK.matcher(r.link()).matches(), r.link()));
        section(view, "outages-ahead").rows().forEach(r -> assertTrue(r.link().matches("outages\\?outage=\\d+"),
                r.link()));
        assertEquals(section(view, "plan-tasks-due").count(), gridSize("plans", "plan-reminders"),
                "the plans page lists as many tasks due");
    }

    @Test
    void a_supervisor_sees_approvals_the_teams_overdue_and_this_months_compliance_with_counts_of_the_linked_pages() {
        Viewer supervisor = users.viewer("supervisor");
        WorkbenchView view = workbenchOf("supervisor", Role.SUPERVISOR_NAME);

        assertEquals(List.of("plans-submitted", "requests-inbox", "outages-held", "team-overdue", "visit-compliance",
                "applications-open", "application-tasks"), ids(view));
        SectionSummary submitted = section(view, "plans-submitted");
        assertEquals(plans.count(supervisor, new SupplyPlanService.PlanFilter(PlanStatus.SUBMITTED, null, null)),
                submitted.count());
        assertEquals("plans?status=SUBMITTED", countLink("plans-submitted").getHref());
        SectionSummary held = section(view, "outages-held");
        assertEquals(outages.countHeld(supervisor), held.count());
        SectionSummary team = section(view, "team-overdue");
        assertTrue(team.count() > 0, "the demo team has overdue follow-up tasks");
        assertEquals(visits.tasks(supervisor, true, null, 0, 100_000).size(), team.count(),
                "as many as 走访考核 lists as overdue tasks");
        assertTrue(section(view, "visit-compliance").link().startsWith("visits/dashboard?from="));

        assertEquals(submitted.count(), gridSize("plans?status=SUBMITTED", "plans"));
        assertEquals(held.count(), gridSize("outages?status=HELD", "outage-grid"));
    }

    @Test
    void a_scheduler_sees_this_weeks_outages_with_their_warning_class_and_the_messages_to_look_after() {
        WorkbenchView view = workbenchOf("scheduler", Role.SCHEDULER_NAME);

        assertEquals(List.of("messages-attention", "outages-week"), ids(view));
        SectionSummary attention = section(view, "messages-attention");
        assertEquals("notices?filter=attention", countLink("messages-attention").getHref());
        section(view, "outages-week").rows().forEach(r -> assertFalse(r.detail().isBlank(),
                "each outage says how early it was warned"));

        assertEquals(attention.count(), gridSize("notices?filter=attention", "notice-grid"),
                "the notice centre, filtered, lists as many notices");
    }

    @Test
    void a_customers_portal_home_shows_bills_next_visit_outages_latest_report_and_unread_messages() {
        Viewer customer = users.viewer("customer");
        WorkbenchView view = workbenchOf("customer", Role.CUSTOMER_NAME);

        assertEquals(List.of("bills", "next-visit", "latest-report", "unread-messages", "outages-ahead"), ids(view));
        assertEquals(inbox.countUnreadInbox(customer), section(view, "unread-messages").count());
        assertEquals("portal/inbox", countLink("unread-messages").getHref());
        assertEquals(section(view, "next-visit").count(), gridSize("portal/visits", "portal-visits"),
                "走访预约 lists as many visits");
    }

    @Test
    void an_administrator_gets_the_pages_of_their_menu_as_links() {
        WorkbenchView view = workbenchOf("admin", Role.ADMIN_NAME);

        assertEquals(List.of(), ids(view));
        Set<String> links = $(Anchor.class).all().stream().map(Anchor::getHref).collect(Collectors.toSet());
        assertTrue(links.containsAll(Set.of("/users", "/units", "/audit")), links.toString());
    }

    @Test
    void a_manager_sees_nothing_of_another_managers_customers() {
        Viewer manager = users.viewer("manager");
        Viewer other = users.viewer("mgr02");
        Set<Long> ofManager = Set.copyOf(customers.visibleIds(manager));
        Set<Long> ofOther = Set.copyOf(customers.visibleIds(other));
        WorkbenchView mine = workbenchOf("manager", Role.MANAGER_NAME);
        Set<Long> mineLinked = linkedCustomers(mine);
        assertFalse(mineLinked.isEmpty(), "the demo manager's workbench names customers");
        assertTrue(ofManager.containsAll(mineLinked), "only their own customers");

        WorkbenchView theirs = workbenchOf("mgr02", Role.MANAGER_NAME);
        Set<Long> theirsLinked = linkedCustomers(theirs);
        assertTrue(ofOther.containsAll(theirsLinked), "only mgr02's own customers");
        Set<Long> foreign = mineLinked.stream().filter(id -> !ofOther.contains(id)).collect(Collectors.toSet());
        assertFalse(foreign.isEmpty(), "the demo manager has customers mgr02 does not look after");
        assertTrue(theirsLinked.stream().noneMatch(foreign::contains), "none of manager's customers on mgr02's page");
        String theirText = theirs.getElement().getTextRecursively();
        mine.shown.stream().filter(s -> s.id().equals("arrears")).flatMap(s -> s.rows().stream())
                .filter(r -> foreign.contains(customerOf(r)))
                .forEach(r -> assertFalse(theirText.contains(r.text()), r.text()));
    }

    /**
     * Not a benchmark (those live in bench/): a guard against a section that reads the world. Prints the server time
     * of each role's workbench, the sections' reads summed (median of five after a warm-up), and each section's.
     */
    @Test
    void the_workbench_of_each_demo_role_is_read_well_within_a_second() {
        for (String user : List.of("manager", "supervisor", "scheduler", "customer")) {
            Viewer viewer = users.viewer(user);
            List<WorkbenchSection> mine = sections.stream().filter(s -> s.shownTo(viewer)).toList();
            long[] total = new long[6];
            java.util.Map<String, List<Long>> each = new java.util.TreeMap<>();
            for (int i = 0; i < total.length; i++) {
                long started = System.nanoTime();
                for (WorkbenchSection s : mine) {
                    long t0 = System.nanoTime();
                    String id = s.summarise(viewer, (key, params) -> key).id();
                    each.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add((System.nanoTime() - t0) / 1_000);
                }
                total[i] = i == 0 ? Long.MAX_VALUE : (System.nanoTime() - started) / 1_000_000;
            }
            java.util.Arrays.sort(total);
            java.util.Map<String, Long> medians = new java.util.TreeMap<>();
            each.forEach((id, times) -> medians.put(id, times.subList(1, times.size()).stream().sorted().toList()
                    .get(2) / 1_000));
            System.out.printf("workbench of %s: median %d ms (min %d, max %d); each section's median in ms: %s%n",
                    user, total[2], total[0], total[4], medians);
            assertTrue(total[2] < 1000, user + ": " + total[2] + " ms");
        }
    }

    /** The customers a workbench's rows link to: customer pages directly, visits through their customer. */
    private Set<Long> linkedCustomers(WorkbenchView view) {
        Viewer system = Viewer.system();
        return view.shown.stream().flatMap(s -> s.rows().stream()).map(r -> {
            if (r.link().startsWith("visits?visit=")) {
                return visits.get(system, Long.parseLong(r.link().substring("visits?visit=".length()))).visit()
                        .customerId();
            }
            return customerOf(r);
        }).filter(id -> id != null).collect(Collectors.toSet());
    }

    private static Long customerOf(SectionRow r) {
        Matcher m = CUSTOMER_LINK.matcher(r.link());
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }
}
