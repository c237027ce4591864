package cn.keyaccount.opportunity;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.security.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An opportunity (商机): a customer's "needs and potential" tag that its manager works towards a deal. The rules of
 * its stages are held by {@link OpportunityService}.
 */
@Entity
@Table(name = "opportunity")
public class Opportunity extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @Column(name = "tag_code", nullable = false)
    private String tagCode;
    @Column(name = "tag_label_key", nullable = false)
    private String tagLabelKey;
    @Column(name = "tag_reason", nullable = false)
    private String tagReason;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private AppUser owner;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OpportunityStage stage = OpportunityStage.FOUND;
    @Column(name = "lost_reason")
    private String lostReason;
    @Column(name = "expected_value")
    private BigDecimal expectedValue;
    @Column(name = "next_step")
    private String nextStep;
    @Column(name = "next_step_date")
    private LocalDate nextStepDate;
    @Column(name = "visit_id")
    private Long visitId;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "report_id")
    private Long reportId;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected Opportunity() {
    }

    Opportunity(Customer customer, String tagCode, String tagLabelKey, String tagReason, AppUser owner,
                OffsetDateTime at) {
        this.customer = customer;
        this.tagCode = tagCode;
        this.tagLabelKey = tagLabelKey;
        this.tagReason = tagReason;
        this.owner = owner;
        this.createdAt = at;
        this.updatedAt = at;
    }

    void change(OpportunityDraft d, OffsetDateTime at) {
        if (d.stage().isClosed() && !stage.isClosed()) {
            closedAt = at;
        }
        stage = d.stage();
        lostReason = d.stage() == OpportunityStage.LOST ? d.lostReason().strip() : null;
        expectedValue = d.expectedValue();
        nextStep = d.nextStep() == null || d.nextStep().isBlank() ? null : d.nextStep().strip();
        nextStepDate = d.nextStepDate();
        visitId = d.visitId();
        applicationId = d.applicationId();
        reportId = d.reportId();
        updatedAt = at;
    }

    void reopen(OffsetDateTime at) {
        stage = OpportunityStage.PROPOSAL;
        lostReason = null;
        closedAt = null;
        updatedAt = at;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getTagCode() {
        return tagCode;
    }

    public String getTagLabelKey() {
        return tagLabelKey;
    }

    public String getTagReason() {
        return tagReason;
    }

    public AppUser getOwner() {
        return owner;
    }

    public OpportunityStage getStage() {
        return stage;
    }

    public String getLostReason() {
        return lostReason;
    }

    public BigDecimal getExpectedValue() {
        return expectedValue;
    }

    public String getNextStep() {
        return nextStep;
    }

    public LocalDate getNextStepDate() {
        return nextStepDate;
    }

    public Long getVisitId() {
        return visitId;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Long getReportId() {
        return reportId;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }
}
