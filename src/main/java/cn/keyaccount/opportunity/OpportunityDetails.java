package cn.keyaccount.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An opportunity as lists and its page show it, with its tag's label in both languages and its owner's name. */
public record OpportunityDetails(long id, long version, long customerId, String accountNo, String customerName,
                                 String tagCode, String tagZh, String tagEn, String tagReason, long ownerId,
                                 String ownerName, OpportunityStage stage, String lostReason,
                                 BigDecimal expectedValue, String nextStep, LocalDate nextStepDate, Long visitId,
                                 Long applicationId, Long reportId, OffsetDateTime createdAt,
                                 OffsetDateTime updatedAt, OffsetDateTime closedAt) {
}
