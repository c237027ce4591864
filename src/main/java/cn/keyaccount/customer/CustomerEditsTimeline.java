package cn.keyaccount.customer;

import cn.keyaccount.audit.AuditEntry;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The timeline's edits: changes to the customer record, its contacts and transformers, from the audit log. */
@ApplicationScoped
class CustomerEditsTimeline implements TimelineSource {

    /** The audit entity types that are the customer's own record (the rest appear through their own features). */
    static final List<String> RECORD = List.of("CUSTOMER", "CONTACT", "TRANSFORMER");

    private final AuditService audit;

    CustomerEditsTimeline(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.EDIT;
    }

    @Override
    public String key() {
        return "edit";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        return audit.customerTrail(q.customerId(), RECORD, q.from(), q.to(), q.beforeAt(), q.beforeId(), q.limit())
                .stream().map(a -> entry(a, q)).toList();
    }

    private TimelineEntry entry(AuditEntry a, TimelineQuery q) {
        return new TimelineEntry(a.at(), TimelineKind.EDIT, key(), a.id(),
                Messages.get(q.locale(), "audit.action." + a.action()),
                Messages.get(q.locale(), "customer.timeline.edit.detail", a.actor(), a.summary()),
                TimelineEntry.customerTab(q.customerId(), "customer.tab.audit"));
    }
}
