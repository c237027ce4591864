package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Energy and its cost per time-of-use period, each interval priced by the tariff version in force on its day.
 * Energy is summed in kWh; money is worked out at the end, as a bill does: each period's kWh under each tariff version
 * times that version's price, in decimal, the period's amount rounded half-up to 0.01 yuan. The total is the sum of
 * those rounded amounts, so that it equals the parts as shown. {@code peakPremiumYuan} is what the peak and
 * critical-peak energy cost above the valley price of the same tariff: the money that moving all of it to the valley
 * would save (peak shifting takes a share of it), rounded the same way.
 */
public record TouSplit(Map<TouPeriod, Double> kwh, Map<TouPeriod, BigDecimal> yuan, BigDecimal peakPremiumYuan) {

    private static final int PERIODS = TouPeriod.values().length;

    public static TouSplit of(IntervalSeries s, Function<LocalDate, TouTariff> tariffOn) {
        // a year has a handful of distinct (tariff, season) days: work out their periods once, and sum the energy
        // per tariff version and period so that it is priced once per version
        Map<TouTariff, double[]> kwhByTariff = new IdentityHashMap<>();
        Map<TouTariff.Season, TouPeriod[]> periodsOf = new IdentityHashMap<>();
        for (int d = 0; d < s.days(); d++) {
            LocalDate day = s.start().plusDays(d);
            TouTariff t = tariffOn.apply(day);
            TouPeriod[] periods = periodsOf.computeIfAbsent(t.seasonOf(day), TouTariff.Season::intervals);
            double[] kwh = kwhByTariff.computeIfAbsent(t, x -> new double[PERIODS]);
            for (int k = 0; k < IntervalSeries.PER_DAY; k++) {
                int i = d * IntervalSeries.PER_DAY + k;
                if (s.present(i)) {
                    kwh[periods[k].ordinal()] += s.kwh()[i];
                }
            }
        }
        double[] kwh = new double[PERIODS];
        BigDecimal[] yuan = new BigDecimal[PERIODS];
        Arrays.fill(yuan, BigDecimal.ZERO);
        BigDecimal premium = BigDecimal.ZERO;
        for (Map.Entry<TouTariff, double[]> e : kwhByTariff.entrySet()) {
            BigDecimal valley = e.getKey().price(TouPeriod.VALLEY);
            for (TouPeriod p : TouPeriod.values()) {
                double energy = e.getValue()[p.ordinal()];
                if (energy == 0) {
                    continue;
                }
                kwh[p.ordinal()] += energy;
                BigDecimal exact = BigDecimal.valueOf(energy);
                BigDecimal price = e.getKey().price(p);
                yuan[p.ordinal()] = yuan[p.ordinal()].add(exact.multiply(price));
                if (p == TouPeriod.PEAK || p == TouPeriod.CRITICAL_PEAK) {
                    premium = premium.add(exact.multiply(price.subtract(valley)));
                }
            }
        }
        Map<TouPeriod, Double> k = new EnumMap<>(TouPeriod.class);
        Map<TouPeriod, BigDecimal> y = new EnumMap<>(TouPeriod.class);
        for (TouPeriod p : TouPeriod.values()) {
            k.put(p, kwh[p.ordinal()]);
            y.put(p, yuan(yuan[p.ordinal()]));
        }
        return new TouSplit(k, y, yuan(premium));
    }

    /** Splits of consecutive parts (the months of a period) added up: their rounded amounts, not re-priced. */
    public static TouSplit sum(List<TouSplit> parts) {
        Map<TouPeriod, Double> k = new EnumMap<>(TouPeriod.class);
        Map<TouPeriod, BigDecimal> y = new EnumMap<>(TouPeriod.class);
        BigDecimal premium = BigDecimal.ZERO.setScale(2);
        for (TouPeriod p : TouPeriod.values()) {
            k.put(p, 0.0);
            y.put(p, BigDecimal.ZERO.setScale(2));
        }
        for (TouSplit part : parts) {
            for (TouPeriod p : TouPeriod.values()) {
                k.merge(p, part.kwh().get(p), Double::sum);
                y.merge(p, part.yuan().get(p), BigDecimal::add);
            }
            premium = premium.add(part.peakPremiumYuan());
        }
        return new TouSplit(k, y, premium);
    }

    private static BigDecimal yuan(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    public double totalKwh() {
        return kwh.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The sum of the periods' rounded amounts. */
    public BigDecimal totalYuan() {
        return yuan.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The energy of the periods that have any, dearest first, in whole kWh adding up to the whole total. */
    public Map<TouPeriod, Long> wholeKwh() {
        Map<TouPeriod, Double> parts = new EnumMap<>(TouPeriod.class);
        kwh.forEach((p, e) -> {
            if (e > 0) {
                parts.put(p, e);
            }
        });
        return WholeUnits.apportion(parts);
    }

    /** Energy in peak and critical peak. */
    public double peakKwh() {
        return kwh.get(TouPeriod.PEAK) + kwh.get(TouPeriod.CRITICAL_PEAK);
    }
}
