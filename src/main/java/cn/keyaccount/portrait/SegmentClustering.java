package cn.keyaccount.portrait;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Groups customers by their load features with k-means++ (Apache Commons Math 3, {@link KMeansPlusPlusClusterer},
 * best of {@code trials} runs by within-cluster variance) for every k from {@code kMin} to {@code kMax}, and keeps the
 * k with the highest mean silhouette (Rousseeuw 1987: for each point, (b − a) / max(a, b) with a its mean distance to
 * its own cluster and b to the nearest other; near 1 well separated, near 0 on a border). The silhouette is taken over
 * a seeded random sample of at most {@code sampleSize} points (its cost is quadratic). The generator is seeded and
 * the input comes in customer order, so the same input gives the same groups: a recompute changes nothing that did
 * not change. Clusters are numbered by size, largest first. Pure.
 */
public final class SegmentClustering {

    public record Settings(int kMin, int kMax, int trials, int maxIterations, int sampleSize, long seed) {
        public static final Settings DEFAULTS = new Settings(2, 8, 3, 100, 2000, 20_261_206L);
    }

    /**
     * @param k            the number of groups chosen (0 without points, 1 when too few for a choice)
     * @param silhouettes  mean silhouette by k tried, in k order
     * @param assignment   each input point's group, 0 … k−1 (group 0 the largest)
     * @param distances    each point's distance to its group's centre
     */
    public record Outcome(int k, Map<Integer, Double> silhouettes, int[] assignment, double[] distances) {
    }

    private record Point(int index, double[] features) implements Clusterable {
        @Override
        public double[] getPoint() {
            return features;
        }
    }

    private static final EuclideanDistance DISTANCE = new EuclideanDistance();

    private final Settings settings;

    public SegmentClustering(Settings settings) {
        this.settings = settings;
    }

    public Outcome cluster(List<double[]> features) {
        int n = features.size();
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new Point(i, features.get(i)));
        }
        int kMax = Math.min(settings.kMax(), n / 2);
        if (n == 0) {
            return new Outcome(0, Map.of(), new int[0], new double[0]);
        }
        if (kMax < settings.kMin()) {
            return single(points);
        }
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        List<CentroidCluster<Point>> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int[] sample = sample(n);
        double[] sampleDistances = sampleDistances(sample, features);
        for (int k = settings.kMin(); k <= kMax; k++) {
            KMeansPlusPlusClusterer<Point> kmeans = new KMeansPlusPlusClusterer<>(k, settings.maxIterations(),
                    DISTANCE, new JDKRandomGenerator((int) settings.seed()));
            List<CentroidCluster<Point>> clusters = new MultiKMeansPlusPlusClusterer<>(kmeans, settings.trials())
                    .cluster(points);
            double score = silhouette(clusters, n, sample, sampleDistances);
            silhouettes.put(k, score);
            if (score > bestScore) {
                bestScore = score;
                best = clusters;
            }
        }
        return outcome(best, n, silhouettes);
    }

    private Outcome single(List<Point> points) {
        int n = points.size();
        double[] centre = new double[points.getFirst().features().length];
        for (Point p : points) {
            for (int j = 0; j < centre.length; j++) {
                centre[j] += p.features()[j] / n;
            }
        }
        double[] distances = new double[n];
        for (Point p : points) {
            distances[p.index()] = DISTANCE.compute(p.features(), centre);
        }
        return new Outcome(1, Map.of(), new int[n], distances);
    }

    private static Outcome outcome(List<CentroidCluster<Point>> clusters, int n, Map<Integer, Double> silhouettes) {
        List<CentroidCluster<Point>> bySize = new ArrayList<>(clusters.stream().filter(c -> !c.getPoints().isEmpty())
                .toList());
        // largest first; among equals the one whose first member comes first, so the order is repeatable
        bySize.sort(Comparator.<CentroidCluster<Point>>comparingInt(c -> -c.getPoints().size())
                .thenComparingInt(c -> c.getPoints().stream().mapToInt(Point::index).min().orElse(0)));
        int[] assignment = new int[n];
        double[] distances = new double[n];
        for (int g = 0; g < bySize.size(); g++) {
            double[] centre = bySize.get(g).getCenter().getPoint();
            for (Point p : bySize.get(g).getPoints()) {
                assignment[p.index()] = g;
                distances[p.index()] = DISTANCE.compute(p.features(), centre);
            }
        }
        return new Outcome(bySize.size(), silhouettes, assignment, distances);
    }

    /**
     * A seeded random sample of at most sampleSize points, the same on every run. Random rather than every n-th point:
     * an evenly spaced sample can fall in step with a pattern in the customer order and see only part of the groups.
     */
    int[] sample(int n) {
        int size = Math.min(n, settings.sampleSize());
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        java.util.Random random = new java.util.Random(settings.seed());
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, size);
    }

    /**
     * The distances between the sampled points, the same for every k and so computed once (the silhouette of each k
     * only looks them up): for sample positions q &lt; p at {@code p (p − 1) / 2 + q}. 2,000 points: 2 million
     * distances, 16 MB.
     */
    static double[] sampleDistances(int[] sample, List<double[]> features) {
        int size = sample.length;
        double[] d = new double[size * (size - 1) / 2];
        for (int p = 1; p < size; p++) {
            double[] fp = features.get(sample[p]);
            int row = p * (p - 1) / 2;
            for (int q = 0; q < p; q++) {
                d[row + q] = DISTANCE.compute(fp, features.get(sample[q]));
            }
        }
        return d;
    }

    static double silhouette(List<CentroidCluster<Point>> clusters, int n, int[] sample, double[] distances) {
        int[] group = new int[n];
        for (int g = 0; g < clusters.size(); g++) {
            for (Point p : clusters.get(g).getPoints()) {
                group[p.index()] = g;
            }
        }
        int k = clusters.size();
        double total = 0;
        for (int p = 0; p < sample.length; p++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int q = 0; q < sample.length; q++) {
                if (q != p) {
                    int j = sample[q];
                    // Euclidean distance is symmetric to the last bit: (a − b)² = (b − a)²
                    sum[group[j]] += distances[p > q ? p * (p - 1) / 2 + q : q * (q - 1) / 2 + p];
                    count[group[j]]++;
                }
            }
            int own = group[sample[p]];
            if (count[own] == 0) {
                continue; // a singleton in the sample scores 0
            }
            double a = sum[own] / count[own];
            double b = Double.MAX_VALUE;
            for (int g = 0; g < k; g++) {
                if (g != own && count[g] > 0) {
                    b = Math.min(b, sum[g] / count[g]);
                }
            }
            if (b != Double.MAX_VALUE) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return total / sample.length;
    }
}
