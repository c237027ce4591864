package cn.keyaccount.energy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Energy and its cost per time-of-use period, each interval priced by the tariff version in force on its day.
 * {@code peakPremiumYuan} is what the peak and critical-peak energy cost above the valley price of the same day:
 * the money that moving all of it to the valley would save (peak shifting takes a share of it).
 */
public record TouSplit(Map<TouPeriod, Double> kwh, Map<TouPeriod, Double> yuan, double peakPremiumYuan) {

    public static TouSplit of(IntervalSeries s, Function<LocalDate, TouTariff> tariffOn) {
        double[] kwh = new double[TouPeriod.values().length];
        double[] yuan = new double[kwh.length];
        double premium = 0;
        // a year has a handful of distinct (tariff, season) days: work out their periods and prices once
        Map<TouTariff, double[]> prices = new IdentityHashMap<>();
        Map<TouTariff.Season, TouPeriod[]> periodsOf = new IdentityHashMap<>();
        for (int d = 0; d < s.days(); d++) {
            LocalDate day = s.start().plusDays(d);
            TouTariff t = tariffOn.apply(day);
            TouPeriod[] periods = periodsOf.computeIfAbsent(t.seasonOf(day), TouTariff.Season::intervals);
            double[] price = prices.computeIfAbsent(t, TouSplit::prices);
            double valley = price[TouPeriod.VALLEY.ordinal()];
            for (int k = 0; k < IntervalSeries.PER_DAY; k++) {
                int i = d * IntervalSeries.PER_DAY + k;
                if (!s.present(i)) {
                    continue;
                }
                int p = periods[k].ordinal();
                double e = s.kwh()[i];
                kwh[p] += e;
                yuan[p] += e * price[p];
                if (periods[k] == TouPeriod.PEAK || periods[k] == TouPeriod.CRITICAL_PEAK) {
                    premium += e * (price[p] - valley);
                }
            }
        }
        Map<TouPeriod, Double> k = new EnumMap<>(TouPeriod.class);
        Map<TouPeriod, Double> y = new EnumMap<>(TouPeriod.class);
        for (TouPeriod p : TouPeriod.values()) {
            k.put(p, kwh[p.ordinal()]);
            y.put(p, yuan[p.ordinal()]);
        }
        return new TouSplit(k, y, premium);
    }

    private static double[] prices(TouTariff t) {
        double[] price = new double[TouPeriod.values().length];
        for (TouPeriod p : TouPeriod.values()) {
            price[p.ordinal()] = t.price(p).doubleValue();
        }
        return price;
    }

    public double totalKwh() {
        return kwh.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double totalYuan() {
        return yuan.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Energy in peak and critical peak. */
    public double peakKwh() {
        return kwh.get(TouPeriod.PEAK) + kwh.get(TouPeriod.CRITICAL_PEAK);
    }
}
