package cn.keyaccount.assignment;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who looks after which key customer (服务对应关系, 网格化管理): exactly one primary manager per customer at a time,
 * optionally a backup, every change kept as history with who, when and why. Supervisors assign within their part of
 * the organisation; administrators anywhere.
 */
@ApplicationScoped
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final UserService users;
    private final CustomerService customers;
    private final CustomerQueries customerQueries;
    private final AuditService audit;

    private final Clock clock;

    AssignmentService(Clock clock, AssignmentRepository assignments, UserService users, CustomerService customers,
                      CustomerQueries customerQueries, AuditService audit) {
        this.clock = clock;
        this.assignments = assignments;
        this.users = users;
        this.customers = customers;
        this.customerQueries = customerQueries;
        this.audit = audit;
    }

    /** The assignment history of a customer the viewer may see, newest first. */
    public List<AssignmentRecord> history(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        return assignments.list("customer.id", Sort.descending("validFrom", "id"), customerId).stream()
                .map(Assignment::toRecord).toList();
    }

    /** Gives customers a new primary (and backup) manager; ends their current assignments. All or nothing. */
    @Transactional
    public List<AssignmentRecord> reassign(Viewer viewer, Reassignment r) {
        if (!(viewer.isAdmin() || viewer.isSupervisor())) {
            throw BusinessException.forbidden("error.assign-forbidden");
        }
        new Validation()
                .require(r.customerIds() != null && !r.customerIds().isEmpty(), "customerIds",
                        "error.assign-no-customers")
                .require(r.managerId() != null, "managerId", "error.required")
                .notBlank(r.reason(), "reason").maxLength(r.reason(), 500, "reason")
                .require(r.backupManagerId() == null || !r.backupManagerId().equals(r.managerId()),
                        "backupManagerId", "error.assign-backup-same")
                .throwIfInvalid();
        AppUser manager = manager(viewer, r.managerId(), "managerId");
        AppUser backup = r.backupManagerId() == null ? null : manager(viewer, r.backupManagerId(), "backupManagerId");
        List<Customer> targets = customers.editableCustomers(viewer, r.customerIds());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, Assignment> current = new LinkedHashMap<>();
        assignments.list("customer.id in ?1 and validTo is null", r.customerIds())
                .forEach(a -> current.put(a.getCustomer().getId(), a));
        List<AssignmentRecord> created = new java.util.ArrayList<>();
        for (Customer c : targets) {
            Assignment previous = current.get(c.getId());
            if (previous != null) {
                previous.end(now);
            }
        }
        assignments.flush();
        for (Customer c : targets) {
            Assignment previous = current.get(c.getId());
            Assignment next = new Assignment(c, manager, backup, now, viewer.username(), r.reason().trim());
            assignments.persist(next);
            audit.record(viewer.username(), "ASSIGNMENT_CHANGED", "ASSIGNMENT", null, c.getId(),
                    c.getUnit().getPath(), c.getAccountNo() + " " + c.getName() + " → " + manager.getDisplayName(),
                    previous == null ? null : snapshot(previous), snapshot(next));
        }
        customers.setCurrentManagers(targets.stream().map(Customer::getId).toList(), manager, backup);
        assignments.flush();
        for (Customer c : targets) {
            created.add(assignments.find("customer.id = ?1 and validTo is null", c.getId()).firstResult()
                    .toRecord());
        }
        return created;
    }

    /** Each manager in the viewer's part of the organisation with their current load. */
    public List<ManagerWorkload> workloads(Viewer viewer) {
        // the enabled managers come by name; a stable sort puts them in unit order, by name within a unit
        List<UserSummary> managers = users.managers(viewer).stream()
                .sorted(Comparator.comparing(UserSummary::unitPath)).toList();
        Map<Long, CustomerQueries.Load> loads = customerQueries.loadsOf(managers.stream().map(UserSummary::id)
                .toList());
        return managers.stream().map(m -> {
            CustomerQueries.Load l = loads.get(m.id());
            return new ManagerWorkload(m.id(), m.displayName(), m.username(), m.unitName(), l.customers(), l.tierA(),
                    l.tierB(), l.tierC(), l.backupFor());
        }).toList();
    }

    private AppUser manager(Viewer viewer, long id, String field) {
        AppUser m;
        try {
            m = users.account(id);
        } catch (BusinessException e) {
            m = null;
        }
        boolean ok = m != null && m.isEnabled() && m.getRole() == Role.ACCOUNT_MANAGER
                && (viewer.isAdmin() || m.getUnit().getPath().startsWith(viewer.unitPath()));
        if (!ok) {
            throw BusinessException.invalidFields(List.of(
                    new BusinessException.FieldError(field, "error.assign-not-a-manager", id)));
        }
        return m;
    }

    private static Map<String, Object> snapshot(Assignment a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("manager", a.getManager().getDisplayName());
        s.put("backup", a.getBackupManager() == null ? null : a.getBackupManager().getDisplayName());
        return s;
    }
}
