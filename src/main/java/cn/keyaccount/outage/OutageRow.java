package cn.keyaccount.outage;

import java.time.OffsetDateTime;

/** An outage in a list: what, when, its state and how many key customers it affects. */
public record OutageRow(long id, OutageKind kind, OutageStatus status, String title, OffsetDateTime startsAt,
                        OffsetDateTime endsAt, String lines, long affected, long oneSourceOut, boolean heldLate,
                        boolean heldConflict, String createdBy) {
}
