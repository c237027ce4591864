package cn.keyaccount.supplyplan;

import java.time.LocalDate;

/**
 * An open checklist task due by a date, with what a reminder needs to say and to whom: the owner when the task names a
 * user ({@code ownerId}), else the plan's author ({@code authorId}).
 */
public record DueTask(long taskId, long planId, String planTitle, long customerId, String customerName, String title,
                      Party party, String ownerName, Long ownerId, LocalDate dueOn, long authorId) {
}
