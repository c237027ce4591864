package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A stored tariff version as screens and REST show it; seasons as written (months "7,8", bands text). */
public record TariffView(long id, long version, String province, String voltageClass, LocalDate validFrom,
                         LocalDate validTo, String name, String source, BigDecimal criticalPeak, BigDecimal peak,
                         BigDecimal flat, BigDecimal valley, BigDecimal deepValley, BigDecimal capacityPrice,
                         BigDecimal demandPrice, List<SeasonView> seasons) {

    public record SeasonView(String name, String months, String bands) {
    }
}
