package cn.keyaccount.energy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Energy as the screens and reports show it: whole kWh (or kvarh). Parts rounded each on their own need not add up to
 * their rounded total (0.5 + 0.5 + 0.5 shows as 1 + 1 + 1 = 3 against 2), and one total split two ways (by month and
 * by time-of-use period) could show two totals. So the total is rounded half-up, and each part is its value rounded
 * down, plus one for the parts with the largest remainders until the parts add up to the total (largest-remainder
 * apportionment): every part is off by less than one unit, and every split of the same energy shows the same total.
 */
public final class WholeUnits {

    private WholeUnits() {
    }

    /** The total rounded half-up (as {@link Math#round(double)}). */
    public static long total(double... parts) {
        return Math.round(Arrays.stream(parts).sum());
    }

    /** Whole parts adding up to {@link #total}; ties in the remainder go to the earlier part. */
    public static long[] apportion(double... parts) {
        return apportion(total(parts), parts);
    }

    /**
     * Whole parts adding up to a total already shown elsewhere (a month's kWh split by time-of-use period): the parts
     * rounded down, then one more for the largest remainders (one less for the smallest, should the parts' floors
     * already exceed it).
     */
    public static long[] apportion(long total, double... parts) {
        long[] out = new long[parts.length];
        long floors = 0;
        for (int i = 0; i < parts.length; i++) {
            out[i] = (long) Math.floor(parts[i]);
            floors += out[i];
        }
        if (parts.length == 0) {
            return out;
        }
        Integer[] byRemainder = IntStream.range(0, parts.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> parts[i] - Math.floor(parts[i])).reversed()
                        .thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (long k = 0, missing = total - floors; k < Math.abs(missing); k++) {
            if (missing > 0) {
                out[byRemainder[(int) (k % parts.length)]]++;
            } else {
                out[byRemainder[parts.length - 1 - (int) (k % parts.length)]]--;
            }
        }
        return out;
    }

    /** {@link #apportion(double...)} of the map's values, in its order. */
    public static <K> Map<K, Long> apportion(Map<K, Double> parts) {
        long[] whole = apportion(parts.values().stream().mapToDouble(Double::doubleValue).toArray());
        Map<K, Long> out = new LinkedHashMap<>();
        int i = 0;
        for (K key : parts.keySet()) {
            out.put(key, whole[i++]);
        }
        return out;
    }
}
