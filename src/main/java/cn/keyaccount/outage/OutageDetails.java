package cn.keyaccount.outage;

import cn.keyaccount.network.LineDetails;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One outage with its lines, hold and approval, conflicts and the notices sent for it, and what the viewer may do:
 * {@code manageable} (move, cancel) and {@code releasable} (a supervisor's approval of a held outage).
 */
public record OutageDetails(long id, long version, OutageKind kind, OutageStatus status, String title, String reason,
                            String area, String transformerAreas, OffsetDateTime startsAt, OffsetDateTime endsAt,
                            OffsetDateTime restorationAt, long unitId, List<LineDetails> lines, List<Long> substationIds,
                            boolean heldLate, boolean heldConflict, String releasedBy, OffsetDateTime releasedAt,
                            String releaseReason, String cancelReason, String source, String createdBy,
                            OffsetDateTime createdAt, long affected, long oneSourceOut, WarningClass prospectiveClass,
                            List<ConflictDetails> conflicts, List<WarningDetails> warnings, boolean manageable,
                            boolean releasable, OffsetDateTime restoredAt, String restoredBy, String restoredNote,
                            boolean restorable) {
}
