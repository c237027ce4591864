package cn.keyaccount.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A change to an opportunity as its owner makes it.
 *
 * @param expectedValue the expected yearly value in yuan, 0 to 9,999,999,999.99 with at most two decimals; null unknown
 * @param nextStep      what happens next (at most 200 characters), with its date; the owner is reminded that day
 * @param lostReason    required when the stage is LOST
 * @param visitId       the visit, application and report that came of it (ids the owner may see), each optional
 * @param version       the version the change was made on
 */
public record OpportunityDraft(OpportunityStage stage, BigDecimal expectedValue, String nextStep,
                               LocalDate nextStepDate, String lostReason, Long visitId, Long applicationId,
                               Long reportId, Long version) {
}
