package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/**
 * An outage in a list: what, when, its state and how many key customers it affects. {@code warningClass}: how early
 * the customers were warned, the worst class among those warned so far (late before 5–7 days before on time); null
 * while no customer has been warned.
 */
public record OutageRow(long id, OutageKind kind, OutageStatus status, String title, OffsetDateTime startsAt,
                        OffsetDateTime endsAt, String lines, long affected, long oneSourceOut, boolean heldLate,
                        boolean heldConflict, String createdBy, WarningClass warningClass) {
}
