package cn.keyaccount.supplyplan;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see and do what with a plan. Seeing follows the customer (a customer user sees only plans approved or
 * later); writing, submitting, booking, activating and closing need the right to change the customer (the assigned
 * manager, a supervisor above the customer, an administrator); approving and rejecting need a supervisor of the
 * customer's unit or above, or an administrator, and never the plan's own author (four eyes).
 */
@ApplicationScoped
class PlanAccess {

    static final Set<PlanStatus> CUSTOMER_SEES = EnumSet.of(PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.CLOSED);

    private final SupplyPlanRepository plans;
    private final CustomerAccess customers;

    PlanAccess(SupplyPlanRepository plans, CustomerAccess customers) {
        this.plans = plans;
        this.customers = customers;
    }

    SupplyPlan visible(Viewer v, long planId) {
        SupplyPlan p = plans.findById(planId);
        if (p == null || !canSee(v, p)) {
            throw BusinessException.notFound("error.plan-not-found", planId);
        }
        return p;
    }

    boolean canSee(Viewer v, SupplyPlan p) {
        return customers.canSee(v, p.getCustomer()) && (!v.isCustomer() || CUSTOMER_SEES.contains(p.getStatus()));
    }

    boolean canWrite(Viewer v, SupplyPlan p) {
        return canWrite(v, p.getCustomer());
    }

    boolean canWrite(Viewer v, Customer c) {
        return customers.canEdit(v, c);
    }

    boolean canDecide(Viewer v, SupplyPlan p) {
        boolean supervisorAbove = v.isSupervisor() && p.getCustomer().getUnit().getPath().startsWith(v.unitPath());
        return (v.isAdmin() || supervisorAbove) && p.getAuthor().getId() != v.userId();
    }

    boolean may(Viewer v, SupplyPlan p, PlanAction action) {
        return switch (action) {
            case SUBMIT, ACTIVATE, CLOSE -> canWrite(v, p);
            case APPROVE, REJECT -> canDecide(v, p);
        };
    }

    /** A plan the viewer may write: absent (404) when out of sight, forbidden (403) when read-only. */
    SupplyPlan writable(Viewer v, long planId) {
        SupplyPlan p = visible(v, planId);
        if (!canWrite(v, p)) {
            throw BusinessException.forbidden("error.plan-read-only");
        }
        return p;
    }

    /** A draft the viewer may write; an approved plan changes only through a new revision. */
    SupplyPlan editableDraft(Viewer v, long planId) {
        SupplyPlan p = writable(v, planId);
        if (p.getStatus() != PlanStatus.DRAFT) {
            throw BusinessException.conflict("error.plan-not-draft");
        }
        return p;
    }
}
