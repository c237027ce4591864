package cn.keyaccount.outage;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Critical-production periods (关键生产时段) a customer declared through its account manager: an outage overlapping
 * one waits for a supervisor. Everyone who may see the customer reads them; its manager (or supervisor) edits them.
 */
@ApplicationScoped
public class CriticalPeriodService {

    private final CriticalPeriodRepository periods;
    private final CustomerAccess customers;
    private final AuditService audit;

    private final Clock clock;

    CriticalPeriodService(Clock clock, CriticalPeriodRepository periods, CustomerAccess customers, AuditService audit) {
        this.clock = clock;
        this.periods = periods;
        this.customers = customers;
        this.audit = audit;
    }

    /** The customer's periods that have not ended yet, soonest first. */
    public List<CriticalPeriodDetails> list(Viewer viewer, long customerId) {
        customers.visible(viewer, customerId);
        return periods.list("customerId = ?1 and endsAt > ?2 order by startsAt", customerId, OffsetDateTime.now(clock))
                .stream().map(CriticalPeriod::view).toList();
    }

    @Transactional
    public CriticalPeriodDetails add(Viewer viewer, long customerId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                  String reason) {
        Customer c = customers.editable(viewer, customerId);
        new Validation().require(startsAt != null, "startsAt", "error.required")
                .require(endsAt != null, "endsAt", "error.required")
                .require(startsAt == null || endsAt == null || endsAt.isAfter(startsAt), "endsAt",
                        "error.outage-period")
                .notBlank(reason, "reason").maxLength(reason, 300, "reason").throwIfInvalid();
        CriticalPeriod p = new CriticalPeriod(customerId, startsAt, endsAt, reason.trim(), viewer.username());
        periods.persistAndFlush(p);
        audit.record(viewer.username(), "CRITICAL_PERIOD_DECLARED", "CRITICAL_PERIOD", p.getId(), customerId,
                c.getUnit().getPath(), reason.trim() + " " + startsAt + " – " + endsAt, null, null);
        return p.view();
    }

    @Transactional
    public void delete(Viewer viewer, long periodId) {
        CriticalPeriod p = periods.findById(periodId);
        if (p == null) {
            throw BusinessException.notFound("error.critical-period-not-found", periodId);
        }
        Customer c = customers.editable(viewer, p.getCustomerId());
        periods.delete(p);
        audit.record(viewer.username(), "CRITICAL_PERIOD_REMOVED", "CRITICAL_PERIOD", periodId, p.getCustomerId(),
                c.getUnit().getPath(), p.view().reason(), null, null);
    }
}
