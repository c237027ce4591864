package cn.keyaccount.servicerequest;

import java.time.OffsetDateTime;

/** One step of a request's history: when, what, who, the note, and for a hand-off to whom and which unit. */
public record RequestEventRow(OffsetDateTime at, RequestEventKind kind, String actor, String note,
                              String toOwnerName, String toUnitName) {
}
