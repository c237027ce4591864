package cn.keyaccount.application;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see and run which application: it follows the customer. Seeing: as the customer (a manager their
 * customers, a supervisor their unit and below, a customer user their own accounts); running the steps and the clock:
 * who may change the customer (the assigned managers, a supervisor above it, an administrator). Out of sight is
 * absent (404); read-only is forbidden (403).
 */
@ApplicationScoped
class ApplicationAccess {

    private final ApplicationRepository applications;
    private final CustomerAccess customers;

    ApplicationAccess(ApplicationRepository applications, CustomerAccess customers) {
        this.applications = applications;
        this.customers = customers;
    }

    Application visible(Viewer v, long id) {
        Application a = applications.findById(id);
        if (a == null || !customers.canSee(v, a.getCustomer())) {
            throw BusinessException.notFound("error.application-not-found", id);
        }
        return a;
    }

    boolean canRun(Viewer v, Application a) {
        return customers.canEdit(v, a.getCustomer());
    }

    /** An application the viewer may run, still open, at the version the viewer saw. */
    Application runnable(Viewer v, long id, Long seenVersion) {
        Application a = visible(v, id);
        if (!canRun(v, a)) {
            throw BusinessException.forbidden("error.application-read-only");
        }
        if (!a.getStatus().open()) {
            throw BusinessException.conflict("error.application-closed", a.getNumber());
        }
        if (seenVersion == null) {
            throw BusinessException.invalid("error.application-version-required");
        }
        if (seenVersion != a.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        return a;
    }
}
