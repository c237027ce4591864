package cn.keyaccount.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.Tier;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentServiceTest {

    @Inject
    AssignmentService assignments;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    private Viewer viewer(Login login) {
        return users.viewer(login.username);
    }

    private List<CustomerRow> customersOf(Viewer v) {
        return customers.search(v, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1000);
    }

    private static ManagerWorkload loadOf(List<ManagerWorkload> loads, long managerId) {
        return loads.stream().filter(w -> w.managerId() == managerId).findFirst().orElseThrow();
    }

    @Test
    void reassigning_two_customers_ends_their_old_assignments_and_keeps_who_and_why() {
        Viewer supervisor = viewer(Login.SUPERVISOR);
        List<CustomerRow> rows = customersOf(supervisor);
        CustomerRow first = rows.get(0);
        UserSummary target = users.managers(supervisor).stream()
                .filter(m -> !Long.valueOf(m.id()).equals(first.managerId())).findFirst().orElseThrow();
        List<CustomerRow> two = rows.stream().filter(r -> !Long.valueOf(target.id()).equals(r.managerId()))
                .limit(2).toList();
        long before = loadOf(assignments.workloads(supervisor), target.id()).customers();
        List<Long> ids = two.stream().map(CustomerRow::id).toList();

        List<AssignmentRecord> created = assignments.reassign(supervisor,
                new Reassignment(ids, target.id(), null, "网格调整 grid rebalancing"));

        assertEquals(2, created.size());
        for (CustomerRow row : two) {
            List<AssignmentRecord> history = assignments.history(supervisor, row.id());
            AssignmentRecord current = history.get(0);
            assertNull(current.validTo());
            assertEquals(target.id(), current.managerId());
            assertEquals("supervisor", current.assignedBy());
            assertEquals("网格调整 grid rebalancing", current.reason());
            assertTrue(history.stream().skip(1).allMatch(h -> h.validTo() != null),
                    "every earlier assignment is ended");
            if (row.managerId() != null) {
                assertEquals(row.managerId(), history.get(1).managerId());
            }
            assertEquals(target.id(), customers.get(supervisor, row.id()).managerId());
        }
        assertEquals(before + 2, loadOf(assignments.workloads(supervisor), target.id()).customers());
    }

    @Test
    void a_managers_workload_counts_their_customers_per_tier_and_those_they_stand_in_for() {
        Viewer supervisor = viewer(Login.SUPERVISOR);
        List<UserSummary> managers = users.managers(supervisor);
        UserSummary target = managers.get(0);
        UserSummary backup = managers.get(1);
        List<CustomerRow> two = customersOf(supervisor).stream()
                .filter(r -> r.managerId() == null || (r.managerId() != target.id() && r.managerId() != backup.id()))
                .filter(r -> !Long.valueOf(backup.id()).equals(customers.get(supervisor, r.id()).backupManagerId()))
                .limit(2).toList();
        List<ManagerWorkload> before = assignments.workloads(supervisor);

        assignments.reassign(supervisor, new Reassignment(two.stream().map(CustomerRow::id).toList(), target.id(),
                backup.id(), "负荷测试 workload"));

        List<ManagerWorkload> after = assignments.workloads(supervisor);
        ManagerWorkload was = loadOf(before, target.id());
        ManagerWorkload is = loadOf(after, target.id());
        assertEquals(was.customers() + 2, is.customers());
        assertEquals(was.tierA() + two.stream().filter(r -> r.tier() == Tier.A).count(), is.tierA());
        assertEquals(was.tierB() + two.stream().filter(r -> r.tier() == Tier.B).count(), is.tierB());
        assertEquals(was.tierC() + two.stream().filter(r -> r.tier() == Tier.C).count(), is.tierC());
        assertEquals(loadOf(before, backup.id()).backupFor() + 2, loadOf(after, backup.id()).backupFor());
        assertEquals(managers.stream().map(UserSummary::id).collect(Collectors.toSet()),
                after.stream().map(ManagerWorkload::managerId).collect(Collectors.toSet()),
                "every enabled manager of the supervisor's units, each once");
        assertEquals(after.size(), managers.size());
    }

    @Test
    void a_station_supervisor_cannot_assign_a_customer_of_another_station() {
        Viewer station = viewer(Login.STATION_SUPERVISOR);
        Set<Long> own = customersOf(station).stream().map(CustomerRow::id).collect(Collectors.toSet());
        CustomerRow elsewhere = customersOf(viewer(Login.SUPERVISOR)).stream()
                .filter(r -> !own.contains(r.id())).findFirst().orElseThrow();
        UserSummary manager = users.managers(station).get(0);

        BusinessException e = assertThrows(BusinessException.class, () -> assignments.reassign(station,
                new Reassignment(List.of(elsewhere.id()), manager.id(), null, "不属于本所")));

        assertEquals(BusinessException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void the_backup_cannot_be_the_primary_manager() {
        Viewer supervisor = viewer(Login.SUPERVISOR);
        CustomerRow row = customersOf(supervisor).get(0);
        long manager = users.managers(supervisor).get(0).id();

        BusinessException e = assertThrows(BusinessException.class, () -> assignments.reassign(supervisor,
                new Reassignment(List.of(row.id()), manager, manager, "同一人")));

        assertEquals(BusinessException.Kind.VALIDATION, e.kind());
        assertTrue(e.fieldErrors().stream().anyMatch(f -> f.field().equals("backupManagerId")
                && f.key().equals("error.assign-backup-same")));
        assertEquals(row.managerId(), customers.get(supervisor, row.id()).managerId(), "nothing changed");
    }

    @Test
    void an_account_manager_cannot_assign_customers() {
        Viewer manager = viewer(Login.MANAGER);
        CustomerRow own = customersOf(manager).get(0);

        BusinessException e = assertThrows(BusinessException.class, () -> assignments.reassign(manager,
                new Reassignment(List.of(own.id()), manager.userId(), null, "自己分配")));

        assertEquals(BusinessException.Kind.FORBIDDEN, e.kind());
        assertNotNull(customers.get(manager, own.id()));
        assertFalse(e.key().isBlank());
    }
}
