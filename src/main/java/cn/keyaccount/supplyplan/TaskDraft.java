package cn.keyaccount.supplyplan;

import java.time.LocalDate;

/** A new checklist task; {@code ownerId} links it to a user of the suite, whose reminders it then joins. */
public record TaskDraft(String title, Party party, String ownerName, Long ownerId, LocalDate dueOn) {
}
