package cn.keyaccount.application;

import java.time.LocalDate;

/** An open task in its owner's inbox: what, of which application and customer, due when. */
public record InboxTask(long taskId, long applicationId, String number, String customerName, TaskKind kind,
                        LocalDate dueOn) {
}
