package cn.keyaccount.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A task of an application's step; {@code doneAt} null while open. */
public record TaskDetails(long id, long applicationId, ApplicationStep step, TaskKind kind, Long ownerId,
                          String ownerName, LocalDate dueOn, String result, OffsetDateTime doneAt, String doneBy,
                          long version) {
}
