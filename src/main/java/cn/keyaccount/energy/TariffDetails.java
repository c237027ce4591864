package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A stored tariff version as screens and REST show it; seasons as written (months "7,8", bands text). */
public record TariffDetails(long id, Long version, String province, String voltageClass, LocalDate validFrom,
                         LocalDate validTo, String name, String source, BigDecimal criticalPeak, BigDecimal peak,
                         BigDecimal flat, BigDecimal valley, BigDecimal deepValley, BigDecimal capacityPrice,
                         BigDecimal demandPrice, List<SeasonDetails> seasons) {

    /** The same prices, changed on {@code seen} (the version the editor read). */
    public TariffDetails withVersion(long seen) {
        return new TariffDetails(id, seen, province, voltageClass, validFrom, validTo, name, source, criticalPeak, peak,
                flat, valley, deepValley, capacityPrice, demandPrice, seasons);
    }

    public record SeasonDetails(String name, String months, String bands) {
    }
}
