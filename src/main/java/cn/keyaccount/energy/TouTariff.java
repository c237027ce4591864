package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of a time-of-use tariff: valid for a province and voltage class from a date (inclusive) to a date
 * (exclusive, open when null), with seasons (sets of months) that each divide the day into periods, energy prices
 * per period and the two basic-charge prices.
 * <p>
 * A band runs from its start to its end; an end at or before the start crosses midnight (23:00–07:00), and equal
 * start and end cover the whole day. Bands listed later override earlier ones, so a critical-peak hour is written
 * after the peak band it sits in. Time not covered by any band is flat.
 */
public record TouTariff(long id, String province, String voltageClass, LocalDate validFrom, LocalDate validTo,
                        String name, String source, List<Season> seasons, Map<TouPeriod, BigDecimal> prices,
                        BasicChargeRules.Prices basicPrices) {

    public static final int INTERVALS_PER_DAY = 96;

    public record Band(LocalTime from, LocalTime to, TouPeriod period) {
    }

    public record Season(String name, Set<Month> months, List<Band> bands) {

        /** The period of each 15-minute interval of a day of this season, by the interval's start. */
        public TouPeriod[] intervals() {
            TouPeriod[] out = new TouPeriod[INTERVALS_PER_DAY];
            Arrays.fill(out, TouPeriod.FLAT);
            for (Band b : bands) {
                int from = b.from().toSecondOfDay() / 900;
                int to = b.to().toSecondOfDay() / 900;
                int length = to > from ? to - from : to + INTERVALS_PER_DAY - from;
                for (int i = 0; i < length; i++) {
                    out[(from + i) % INTERVALS_PER_DAY] = b.period();
                }
            }
            return out;
        }
    }

    public TouTariff {
        seasons = List.copyOf(seasons);
        prices = Map.copyOf(prices);
        for (Month m : Month.values()) {
            if (seasons.stream().filter(s -> s.months().contains(m)).count() != 1) {
                throw new IllegalArgumentException("every month needs exactly one season, " + m + " has not");
            }
        }
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    public Season seasonOf(LocalDate day) {
        return seasons.stream().filter(s -> s.months().contains(day.getMonth())).findFirst().orElseThrow();
    }

    /** The 96 periods of a day. */
    public TouPeriod[] periodsOn(LocalDate day) {
        return seasonOf(day).intervals();
    }

    /** Price in yuan per kWh of a period; a period without its own price (no deep valley here) costs as valley. */
    public BigDecimal price(TouPeriod p) {
        BigDecimal price = prices.get(p);
        if (price != null) {
            return price;
        }
        return switch (p) {
            case CRITICAL_PEAK -> price(TouPeriod.PEAK);
            case DEEP_VALLEY -> price(TouPeriod.VALLEY);
            default -> throw new IllegalStateException("tariff " + name + " has no price for " + p);
        };
    }

    public Map<TouPeriod, BigDecimal> allPrices() {
        Map<TouPeriod, BigDecimal> out = new EnumMap<>(TouPeriod.class);
        for (TouPeriod p : TouPeriod.values()) {
            out.put(p, price(p));
        }
        return out;
    }
}
