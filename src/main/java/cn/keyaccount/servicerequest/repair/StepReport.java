package cn.keyaccount.servicerequest.repair;

import java.time.OffsetDateTime;

/**
 * A step the crew reports: which, when it happened (null: now; never later than now, never before the last step),
 * the cause (required for CAUSE_FOUND), and the repair's {@code version} as read.
 */
public record StepReport(RepairStep step, OffsetDateTime at, String cause, Long version) {
}
