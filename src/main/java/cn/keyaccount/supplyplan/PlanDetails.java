package cn.keyaccount.supplyplan;

import cn.keyaccount.network.LineDetails;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A whole plan as its page, the DOCX and the API show it, with what the viewer may do: {@code editable} (a draft
 * the viewer may write), the workflow {@code actions} open to them and whether they may start a revision.
 */
public record PlanDetails(long id, long version, long customerId, String customerName, String accountNo,
                          int revision, Long previousId, String title, EventType eventType, String eventName,
                          PlanLevel level, OffsetDateTime startsAt, OffsetDateTime endsAt, PlanStatus status,
                          String supplySources, String authorName, List<LineDetails> lines, List<CriticalLoad> loads,
                          List<RiskPoint> risks, List<EmergencyResource> resources, List<Duty> duties,
                          List<Transition> transitions, List<TaskDetails> tasks, List<BookingDetails> bookings,
                          boolean writable, boolean editable, Set<PlanAction> actions,
                          boolean revisable) {

    public PlanDraft toDraft() {
        return new PlanDraft(customerId, title, eventType, eventName, level, startsAt, endsAt, supplySources,
                lines.stream().map(LineDetails::id).toList(), loads, risks, resources, duties, version);
    }
}
