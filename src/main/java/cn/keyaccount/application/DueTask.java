package cn.keyaccount.application;

import java.time.LocalDate;

/** An open task falling due by a day: for its owner's reminder. */
public record DueTask(long taskId, long applicationId, String number, long customerId, String customerName,
                      long ownerId, TaskKind kind, LocalDate dueOn) {
}
