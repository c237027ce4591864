package cn.keyaccount.outage;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a scheduler registers or changes. {@code unitId} is the responsible unit (default: the scheduler's own);
 * {@code restorationAt} the estimated restoration of a fault; {@code version} the version seen, for changes.
 */
public record OutageDraft(OutageKind kind, String title, String reason, String area, String transformerAreas,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime restorationAt, Long unitId,
                          List<Long> lineIds, List<Long> substationIds, Long version) {

    public OutageDraft {
        lineIds = lineIds == null ? List.of() : List.copyOf(lineIds);
        substationIds = substationIds == null ? List.of() : List.copyOf(substationIds);
    }

    /** The same outage, changed on {@code seenVersion} (the version the editor read). */
    public OutageDraft withVersion(long seenVersion) {
        return movedTo(startsAt, endsAt, seenVersion);
    }

    /** The same outage at another time: what "move" sends. */
    public OutageDraft movedTo(OffsetDateTime start, OffsetDateTime end, Long seenVersion) {
        return new OutageDraft(kind, title, reason, area, transformerAreas, start, end, restorationAt, unitId, lineIds,
                substationIds, seenVersion);
    }
}
