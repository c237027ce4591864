package cn.keyaccount.application;

import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.SupplyMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One application as a screen or a client sees it: what it asks for, each step with its dates, limit and the working
 * days used, every stop of the clock, the tasks of the steps, the clock's totals, and what the viewer may do ({@code runnable}: take the
 * current step, stop or restart the clock, cancel). {@code version} is what a change must send back.
 */
public record ApplicationDetails(long id, long version, String number, long customerId, String customerName,
                                 String accountNo, ApplicationKind kind, VoltageClass voltageClass,
                                 SupplyMode supplyMode, BigDecimal capacityKva, BigDecimal demandKw,
                                 BasicChargeMode basicChargeMode, Long transformerId, String address,
                                 LocalDate wishedOn, LocalDate periodFrom, LocalDate periodTo, String note,
                                 String handlerName, ApplicationStatus status, ApplicationStep currentStep,
                                 LocalDate acceptedOn, LocalDate closedOn, String limitsVersion, int usedDays,
                                 int limitDays, LocalDate dueOn, boolean overdue, List<StepDetails> steps,
                                 List<StopDetails> stops, List<TaskDetails> tasks, String masterDataNote,
                                 boolean runnable) {

    /** A step: its limit and the working days it used; {@code dueOn} only for the current step. */
    public record StepDetails(ApplicationStep step, LocalDate startedOn, LocalDate completedOn, String completedBy,
                              int limitDays, int usedDays, boolean overdue, LocalDate dueOn) {
    }

    /** A stop of the clock, open while {@code endedOn} is null. */
    public record StopDetails(ApplicationStep step, StopReason reason, String note, LocalDate startedOn,
                              String startedBy, LocalDate endedOn, String endedBy) {
    }
}
