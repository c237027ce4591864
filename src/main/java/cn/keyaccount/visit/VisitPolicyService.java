package cn.keyaccount.visit;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.Tier;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The visit policy (走访频次): months between visits per tier (default A 1, B 3, C 6) and per importance level
 * (default 特级 1, 一级 3); a customer is visited at the shorter of the two. Supervisors and administrators change it.
 */
@ApplicationScoped
public class VisitPolicyService {

    private final VisitPolicyRepository policies;
    private final AuditService audit;

    VisitPolicyService(VisitPolicyRepository policies, AuditService audit) {
        this.policies = policies;
        this.audit = audit;
    }

    @Transactional
    public List<PolicyLine> lines() {
        return policies.listAll().stream()
                .sorted(java.util.Comparator.comparing(VisitPolicyService::order))
                .map(p -> new PolicyLine(p.getId(), p.getVersion(), p.getSubject(), p.getIntervalMonths(),
                        p.getUpdatedBy(), p.getUpdatedAt()))
                .toList();
    }

    private static int order(VisitPolicy p) {
        return List.of("TIER_A", "TIER_B", "TIER_C", "IMPORTANCE_SPECIAL", "IMPORTANCE_FIRST", "IMPORTANCE_SECOND",
                "IMPORTANCE_NORMAL").indexOf(p.getSubject());
    }

    /** Sets one line; tiers always need an interval, importance levels may have none (null). */
    @Transactional
    public PolicyLine change(Viewer viewer, String subject, Integer months, Long version) {
        if (!(viewer.isAdmin() || viewer.isSupervisor())) {
            throw BusinessException.forbidden("error.visit-policy-forbidden");
        }
        VisitPolicy p = policies.find("subject", subject).firstResult();
        if (p == null) {
            throw BusinessException.notFound("error.visit-policy-not-found", subject);
        }
        if (version != null && version != p.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        boolean tier = subject.startsWith("TIER_");
        if ((tier && months == null) || (months != null && (months < 1 || months > 24))) {
            throw BusinessException.invalidFields(List.of(
                    new BusinessException.FieldError("intervalMonths", "error.visit-policy-range")));
        }
        Integer before = p.getIntervalMonths();
        p.change(months, viewer.username());
        policies.flush();
        audit.record(viewer.username(), "VISIT_POLICY_CHANGED", "VISIT_POLICY", p.getId(), null, viewer.unitPath(),
                subject + ": " + before + " → " + months, Map.of("months", String.valueOf(before)),
                Map.of("months", String.valueOf(months)));
        return lines().stream().filter(l -> l.subject().equals(subject)).findFirst().orElseThrow();
    }

    /** The effective rule: months between visits for a tier and importance. */
    public Rule rule() {
        Map<String, Integer> m = new HashMap<>();
        policies.listAll().forEach(p -> m.put(p.getSubject(), p.getIntervalMonths()));
        return new Rule(m);
    }

    public static final class Rule {
        private final Map<String, Integer> months;

        Rule(Map<String, Integer> months) {
            this.months = Map.copyOf(months.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }

        public int intervalMonths(Tier tier, Importance importance) {
            int byTier = months.getOrDefault("TIER_" + tier.name(), tier == Tier.A ? 1 : tier == Tier.B ? 3 : 6);
            Integer byImportance = importance == null ? null : months.get("IMPORTANCE_" + importance.name());
            return byImportance == null ? byTier : Math.min(byTier, byImportance);
        }
    }
}
