package cn.keyaccount.supplyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;

/** One workflow step of a plan, kept for good: what, from which status to which, who, when and why. */
@Embeddable
public record Transition(@Column(nullable = false) String action,
                         @Enumerated(EnumType.STRING) @Column(name = "from_status") PlanStatus fromStatus,
                         @Enumerated(EnumType.STRING) @Column(name = "to_status", nullable = false) PlanStatus toStatus,
                         @Column(nullable = false) String actor, @Column(nullable = false) OffsetDateTime at,
                         @Column(nullable = false) String comment) {
}
