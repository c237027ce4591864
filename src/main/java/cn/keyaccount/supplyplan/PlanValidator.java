package cn.keyaccount.supplyplan;

import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerValidator;
import cn.keyaccount.network.SupplyLine;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a plan draft keeps, checked before it is written (as {@code CustomerValidator} does for customers): its
 * fields, the rows of each kind and their columns, and its lines among the customer's own.
 */
final class PlanValidator {

    /** Rows of each kind in one plan: a real plan has a few dozen. */
    static final int MAX_ROWS = 200;

    /**
     * The draft's rules; its lines must be among the customer's own supply lines (a plan that listed another
     * unit's line would hold outages there), each refused line named.
     */
    static Set<SupplyLine> validate(PlanDraft d, Customer c) {
        Validation v = new Validation()
                .require(c != null, "customerId", "error.required")
                .notBlank(d.title(), "title").maxLength(d.title(), 200, "title")
                .notBlank(d.eventName(), "eventName").maxLength(d.eventName(), 200, "eventName")
                .require(d.eventType() != null, "eventType", "error.required")
                .require(d.level() != null, "level", "error.required")
                .require(d.startsAt() != null, "startsAt", "error.required")
                .require(d.endsAt() != null, "endsAt", "error.required")
                .require(d.startsAt() == null || d.endsAt() == null || d.endsAt().isAfter(d.startsAt()), "endsAt",
                        "error.plan-period")
                .maxLength(d.supplySources(), 2000, "supplySources")
                .require(d.loads().stream().allMatch(x -> x != null && notBlank(x.name())), "loads",
                        "error.plan-row-incomplete")
                .require(d.risks().stream().allMatch(x -> x != null && notBlank(x.risk())), "risks",
                        "error.plan-row-incomplete")
                .require(d.resources().stream().allMatch(x -> x != null && x.kind() != null && notBlank(x.name())),
                        "resources", "error.plan-row-incomplete")
                .require(d.duties().stream().allMatch(x -> x != null && x.party() != null && notBlank(x.person())
                        && notBlank(x.role())), "duties", "error.plan-row-incomplete")
                .maxSize(d.lineIds(), CustomerValidator.MAX_LINES, "lineIds")
                .maxSize(d.loads(), MAX_ROWS, "loads").maxSize(d.risks(), MAX_ROWS, "risks")
                .maxSize(d.resources(), MAX_ROWS, "resources").maxSize(d.duties(), MAX_ROWS, "duties");
        v.throwIfInvalid();
        rowRules(d, v);
        v.throwIfInvalid();
        Set<Long> own = c.getLines().stream().map(SupplyLine::getId).collect(Collectors.toSet());
        for (Long id : d.lineIds()) {
            v.require(own.contains(id), "lineIds", "error.plan-line-not-customers", String.valueOf(id));
        }
        v.throwIfInvalid();
        return c.getLines().stream().filter(l -> d.lineIds().contains(l.getId())).collect(Collectors.toSet());
    }

    /** Each row's text within its column and its numbers within their domain; fields named by row. */
    private static void rowRules(PlanDraft d, Validation v) {
        for (int i = 0; i < d.loads().size(); i++) {
            CriticalLoad l = d.loads().get(i);
            v.maxLength(l.name(), 200, "loads[" + i + "].name").maxLength(l.note(), 500, "loads[" + i + "].note")
                    .range(l.loadKw(), "0", CustomerValidator.MAX_CAPACITY_KVA, "loads[" + i + "].loadKw");
        }
        for (int i = 0; i < d.risks().size(); i++) {
            RiskPoint r = d.risks().get(i);
            v.maxLength(r.risk(), 500, "risks[" + i + "].risk")
                    .maxLength(r.measure(), 1000, "risks[" + i + "].measure");
        }
        for (int i = 0; i < d.resources().size(); i++) {
            EmergencyResource r = d.resources().get(i);
            v.maxLength(r.name(), 200, "resources[" + i + "].name")
                    .maxLength(r.quantity(), 100, "resources[" + i + "].quantity")
                    .maxLength(r.location(), 200, "resources[" + i + "].location");
        }
        for (int i = 0; i < d.duties().size(); i++) {
            Duty u = d.duties().get(i);
            v.maxLength(u.person(), 100, "duties[" + i + "].person").maxLength(u.role(), 100, "duties[" + i + "].role")
                    .maxLength(u.mobile(), 20, "duties[" + i + "].mobile")
                    .maxLength(u.shift(), 100, "duties[" + i + "].shift")
                    .range((long) u.escalation(), 1, 5, "duties[" + i + "].escalation");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private PlanValidator() {
    }
}
