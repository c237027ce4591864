package cn.keyaccount.visit;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One line of the visit policy: months between visits for a tier (TIER_A ...) or for an importance level
 * (IMPORTANCE_SPECIAL ...). A customer is visited at the shorter of its tier's and its importance's interval.
 */
@Entity
@Table(name = "visit_policy")
public class VisitPolicy extends AbstractEntity {

    @Column(nullable = false, unique = true)
    private String subject;
    @Column(name = "interval_months")
    private Integer intervalMonths;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected VisitPolicy() {
    }

    void change(Integer months, String by) {
        intervalMonths = months;
        updatedBy = by;
        updatedAt = OffsetDateTime.now();
    }

    public String getSubject() {
        return subject;
    }

    public Integer getIntervalMonths() {
        return intervalMonths;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
