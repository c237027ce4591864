package cn.keyaccount.customer;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see and change which customer. A manager: the customers assigned to them (primary or backup);
 * a supervisor: those of their unit and the units below (schedulers may read the same, never change);
 * a customer user: their own accounts; an administrator: all. A customer out of reach is reported as absent (404).
 */
@ApplicationScoped
public class CustomerAccess {

    private final CustomerRepository customers;

    CustomerAccess(CustomerRepository customers) {
        this.customers = customers;
    }

    /** An HQL condition on {@code c} (a Customer) limiting rows to what the viewer may see. */
    public record Scope(String where, Parameters params) {
    }

    public static Scope scope(Viewer v) {
        return switch (v.role()) {
            case ADMIN -> new Scope("1 = 1", new Parameters());
            case SUPERVISOR, SCHEDULER -> new Scope("c.unit.path like :scopePath",
                    Parameters.with("scopePath", v.unitPath() + "%"));
            case ACCOUNT_MANAGER -> new Scope("(c.manager.id = :scopeUser or c.backupManager.id = :scopeUser)",
                    Parameters.with("scopeUser", v.userId()));
            case REPAIR_CREW -> new Scope("1 = 0", new Parameters()); // a crew sees its repairs, no customer list
            case CUSTOMER -> new Scope(
                    "exists (select 1 from Customer own join own.portalUsers pu where own = c and pu.id = :scopeUser)",
                    Parameters.with("scopeUser", v.userId()));
        };
    }

    public boolean canSee(Viewer v, Customer c) {
        return switch (v.role()) {
            case ADMIN -> true;
            case SUPERVISOR, SCHEDULER -> c.getUnit().getPath().startsWith(v.unitPath());
            case ACCOUNT_MANAGER -> isAssigned(v, c);
            case CUSTOMER -> c.getPortalUsers().stream().anyMatch(u -> u.getId() == v.userId());
            case REPAIR_CREW -> false;
        };
    }

    public boolean canEdit(Viewer v, Customer c) {
        return switch (v.role()) {
            case ADMIN -> true;
            case SUPERVISOR -> c.getUnit().getPath().startsWith(v.unitPath());
            case ACCOUNT_MANAGER -> isAssigned(v, c);
            case SCHEDULER, CUSTOMER, REPAIR_CREW -> false;
        };
    }

    /** Whether the viewer may see the customer's personal data (mobile numbers, e-mail addresses) unmasked. */
    boolean seesPersonalData(Viewer v, Customer c) {
        return canEdit(v, c) || v.isCustomer();
    }

    private static boolean isAssigned(Viewer v, Customer c) {
        return (c.getManager() != null && c.getManager().getId() == v.userId())
                || (c.getBackupManager() != null && c.getBackupManager().getId() == v.userId());
    }

    /** The customer if the viewer may see it; otherwise "not found", so that ids reveal nothing. */
    public Customer visible(Viewer v, long customerId) {
        Customer c = customers.findById(customerId);
        if (c == null || !canSee(v, c)) {
            throw BusinessException.notFound("error.customer-not-found", customerId);
        }
        return c;
    }

    /** The customer if the viewer may change it: absent (404) when out of sight, forbidden (403) when read-only. */
    public Customer editable(Viewer v, long customerId) {
        Customer c = visible(v, customerId);
        if (!canEdit(v, c)) {
            throw BusinessException.forbidden("error.customer-read-only");
        }
        return c;
    }
}
