package cn.keyaccount.supplyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A risk point (风险点) and the measure (措施) taken against it. */
@Embeddable
public record RiskPoint(@Column(nullable = false) String risk, @Column(nullable = false) String measure) {
}
