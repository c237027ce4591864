package cn.keyaccount.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A bill as the billing screen and the API show it. */
public record BillDetails(long id, long customerId, String accountNo, String customerName, String period,
                       BigDecimal kwh, BigDecimal basicCharge, BigDecimal pfAdjustment, BigDecimal total,
                       LocalDate dueDate, LocalDate paidAt, int remindersSent) {
}
