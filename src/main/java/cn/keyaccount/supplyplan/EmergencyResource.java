package cn.keyaccount.supplyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An emergency resource held ready (应急资源): generator, UPS, crew or other, how many and where. */
@Embeddable
public record EmergencyResource(@Enumerated(EnumType.STRING) @Column(nullable = false) Kind kind,
                                @Column(nullable = false) String name, @Column(nullable = false) String quantity,
                                @Column(nullable = false) String location) {

    public enum Kind { GENERATOR, UPS, CREW, OTHER }
}
