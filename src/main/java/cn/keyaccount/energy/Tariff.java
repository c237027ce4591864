package cn.keyaccount.energy;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One stored version of a time-of-use tariff (tou_tariff) with its seasons; see {@link TouTariff}. */
@Entity
@Table(name = "tou_tariff")
public class Tariff extends AbstractEntity {

    @Column(nullable = false)
    String province;
    @Column(name = "voltage_class", nullable = false)
    String voltageClass;
    @Column(name = "valid_from", nullable = false)
    LocalDate validFrom;
    @Column(name = "valid_to")
    LocalDate validTo;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String source;
    @Column(name = "price_critical_peak")
    BigDecimal criticalPeak;
    @Column(name = "price_peak", nullable = false)
    BigDecimal peak;
    @Column(name = "price_flat", nullable = false)
    BigDecimal flat;
    @Column(name = "price_valley", nullable = false)
    BigDecimal valley;
    @Column(name = "price_deep_valley")
    BigDecimal deepValley;
    @Column(name = "capacity_price", nullable = false)
    BigDecimal capacityPrice;
    @Column(name = "demand_price", nullable = false)
    BigDecimal demandPrice;
    @OneToMany(mappedBy = "tariff", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("id")
    List<TariffSeason> seasons = new ArrayList<>();
}
