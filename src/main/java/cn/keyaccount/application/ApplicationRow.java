package cn.keyaccount.application;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the application list. */
public record ApplicationRow(long id, String number, long customerId, String customerName, String accountNo,
                             ApplicationKind kind, VoltageClass voltageClass, BigDecimal capacityKva,
                             ApplicationStatus status, ApplicationStep currentStep, LocalDate acceptedOn,
                             LocalDate dueOn, int usedDays, int limitDays, boolean overdue, String handlerName) {
}
