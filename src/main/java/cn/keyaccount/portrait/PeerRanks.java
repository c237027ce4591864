package cn.keyaccount.portrait;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each figure of each customer as a percentile among its peers (the customers of the same peer group: industry code
 * and supply voltage): the share of the other peers with a lower value, ties counting half, 0–100. Without another
 * peer there is no percentile. Pure; sorting makes it n log n per group and figure.
 */
final class PeerRanks {

    record Entry(long customerId, String group, Map<Figure, Double> figures) {
    }

    private PeerRanks() {
    }

    static Map<Long, List<PortraitStore.FigureRank>> of(List<Entry> entries) {
        Map<String, List<Entry>> groups = new HashMap<>();
        for (Entry e : entries) {
            groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
        }
        Map<Long, List<PortraitStore.FigureRank>> out = new HashMap<>();
        for (List<Entry> group : groups.values()) {
            for (Figure f : Figure.values()) {
                List<Entry> with = group.stream().filter(e -> e.figures().get(f) != null).toList();
                double[] sorted = with.stream().mapToDouble(e -> e.figures().get(f)).sorted().toArray();
                int n = sorted.length;
                for (Entry e : with) {
                    double v = e.figures().get(f);
                    Double percentile = null;
                    if (n > 1) {
                        int below = lowerBound(sorted, v);
                        int equal = lowerBound(sorted, Math.nextUp(v)) - below - 1; // others with the same value
                        percentile = 100.0 * (below + equal / 2.0) / (n - 1);
                    }
                    out.computeIfAbsent(e.customerId(), x -> new ArrayList<>())
                            .add(new PortraitStore.FigureRank(f, v, percentile, n));
                }
            }
        }
        return out;
    }

    /** The number of values below v. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
