package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A stored tariff version as screens and REST show it; seasons as written (months "7,8", bands text). */
public record TariffView(long id, Long version, String province, String voltageClass, LocalDate validFrom,
                         LocalDate validTo, String name, String source, BigDecimal criticalPeak, BigDecimal peak,
                         BigDecimal flat, BigDecimal valley, BigDecimal deepValley, BigDecimal capacityPrice,
                         BigDecimal demandPrice, List<SeasonView> seasons) {

    /** The same prices, changed on {@code seen} (the version the editor read). */
    public TariffView withVersion(long seen) {
        return new TariffView(id, seen, province, voltageClass, validFrom, validTo, name, source, criticalPeak, peak,
                flat, valley, deepValley, capacityPrice, demandPrice, seasons);
    }

    public record SeasonView(String name, String months, String bands) {
    }
}
