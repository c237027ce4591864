package cn.keyaccount.supplyplan;

import java.time.OffsetDateTime;
import java.util.List;

/** What a manager writes into a plan; {@code version} is the one read, to detect a concurrent change. */
public record PlanDraft(Long customerId, String title, EventType eventType, String eventName, PlanLevel level,
                        OffsetDateTime startsAt, OffsetDateTime endsAt, String supplySources, List<Long> lineIds,
                        List<CriticalLoad> loads, List<RiskPoint> risks, List<EmergencyResource> resources,
                        List<Duty> duties, Long version) {

    public PlanDraft {
        lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
        loads = loads == null ? List.of() : List.copyOf(loads);
        risks = risks == null ? List.of() : List.copyOf(risks);
        resources = resources == null ? List.of() : List.copyOf(resources);
        duties = duties == null ? List.of() : List.copyOf(duties);
    }

    /** The same content, written on {@code seenVersion} (the version the editor read). */
    public PlanDraft withVersion(long seenVersion) {
        return new PlanDraft(customerId, title, eventType, eventName, level, startsAt, endsAt, supplySources, lineIds,
                loads, risks, resources, duties, seenVersion);
    }
}
