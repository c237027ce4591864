package cn.keyaccount.visit;

import java.time.LocalDate;

/** A follow-up task: what, who owns it, by when. */
public record TaskDraft(String description, String owner, LocalDate dueDate) {
}
