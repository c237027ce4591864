package cn.keyaccount.supplyplan;

/** A customer's plan tasks not done on its working plans, and how many of them are past due (the customer card). */
public record OpenPlanTasks(long open, long overdue) {
}
