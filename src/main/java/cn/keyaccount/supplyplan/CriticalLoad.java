package cn.keyaccount.supplyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A load that must not lose supply (重要负荷), with its size in kW. */
@Embeddable
public record CriticalLoad(@Column(nullable = false) String name, @Column(name = "load_kw") BigDecimal loadKw,
                           @Column(nullable = false) String note) {
}
