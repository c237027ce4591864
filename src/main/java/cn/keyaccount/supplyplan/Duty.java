package cn.keyaccount.supplyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One line of the duty roster and contact tree (值班表 / 联络树): who, on which side, in which role and shift;
 * escalation 1 is called first, then 2, and so on.
 */
@Embeddable
public record Duty(@Enumerated(EnumType.STRING) @Column(nullable = false) Party party,
                   @Column(nullable = false) int escalation, @Column(nullable = false) String person,
                   @Column(nullable = false) String role, @Column(nullable = false) String mobile,
                   @Column(nullable = false) String shift) {
}
