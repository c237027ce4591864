package cn.keyaccount.servicerequest;

import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who sees and handles which request. Seeing: whoever sees the customer ({@link CustomerAccess}), the current
 * owner, and the supervisors and schedulers of the unit it was handed to (a work order crosses units). Handling
 * (hand off, comment, start, close, reopen): the administrator, the owner, a supervisor of the customer's or the
 * owning unit, the customer's manager. A customer user sees their own requests and raises new ones; schedulers only
 * read unless a request was handed to them. Out of sight is absent (404), read-only is refused (403).
 */
@ApplicationScoped
class RequestAccess {

    private final CustomerAccess customers;

    RequestAccess(CustomerAccess customers) {
        this.customers = customers;
    }

    /**
     * An HQL condition limiting a query on {@code r} (ServiceRequest) joined as
     * {@code join r.customer c left join r.owner o join r.ownerUnit u} to what the viewer may see.
     */
    static CustomerAccess.Scope scope(Viewer v) {
        CustomerAccess.Scope own = CustomerAccess.scope(v);
        Parameters p = new Parameters();
        own.params().map().forEach(p::and);
        return switch (v.role()) {
            case ADMIN, CUSTOMER, REPAIR_CREW -> own;
            case SUPERVISOR, SCHEDULER -> new CustomerAccess.Scope("(" + own.where()
                    + " or u.path like :reqUnitPath or o.id = :reqUser)",
                    p.and("reqUnitPath", v.unitPath() + "%").and("reqUser", v.userId()));
            case ACCOUNT_MANAGER -> new CustomerAccess.Scope("(" + own.where() + " or o.id = :reqUser)",
                    p.and("reqUser", v.userId()));
        };
    }

    boolean canSee(Viewer v, ServiceRequest r) {
        return customers.canSee(v, r.getCustomer()) || isOwner(v, r)
                || ((v.isSupervisor() || v.is(Role.SCHEDULER))
                && r.getOwnerUnit().getPath().startsWith(v.unitPath()));
    }

    boolean canEdit(Viewer v, ServiceRequest r) {
        return switch (v.role()) {
            case ADMIN -> true;
            case SUPERVISOR -> isOwner(v, r) || customers.canEdit(v, r.getCustomer())
                    || r.getOwnerUnit().getPath().startsWith(v.unitPath());
            case ACCOUNT_MANAGER -> isOwner(v, r) || customers.canEdit(v, r.getCustomer());
            case SCHEDULER -> isOwner(v, r);
            case CUSTOMER, REPAIR_CREW -> false;
        };
    }

    /** A complaint is never closed by the person it is about. */
    static boolean canClose(Viewer v, ServiceRequest r) {
        return r.getAboutUser() == null || r.getAboutUser().getId() != v.userId();
    }

    private static boolean isOwner(Viewer v, ServiceRequest r) {
        return r.getOwner() != null && r.getOwner().getId() == v.userId();
    }
}
