package cn.keyaccount.assignment;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
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
    private final AuditService audit;
    private final EntityManager em;

    AssignmentService(AssignmentRepository assignments, UserService users, CustomerService customers,
                      AuditService audit, EntityManager em) {
        this.assignments = assignments;
        this.users = users;
        this.customers = customers;
        this.audit = audit;
        this.em = em;
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
        OffsetDateTime now = OffsetDateTime.now();
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
        String scope = viewer.isAdmin() ? "" : " and u.path like :path";
        var q = em.createQuery("select new cn.keyaccount.assignment.ManagerWorkload(m.id, m.displayName, m.username, "
                + "u.name, (select count(c) from Customer c where c.manager = m), "
                + "(select count(c) from Customer c where c.manager = m and c.tier = cn.keyaccount.customer.Tier.A), "
                + "(select count(c) from Customer c where c.manager = m and c.tier = cn.keyaccount.customer.Tier.B), "
                + "(select count(c) from Customer c where c.manager = m and c.tier = cn.keyaccount.customer.Tier.C), "
                + "(select count(c) from Customer c where c.backupManager = m)) "
                + "from AppUser m join m.unit u where m.role = :role and m.enabled = true" + scope
                + " order by u.path, m.displayName", ManagerWorkload.class);
        q.setParameter("role", Role.ACCOUNT_MANAGER);
        if (!viewer.isAdmin()) {
            q.setParameter("path", viewer.unitPath() + "%");
        }
        return q.getResultList();
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
