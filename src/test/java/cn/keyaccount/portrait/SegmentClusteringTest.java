package cn.keyaccount.portrait;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentClusteringTest {

    /** Three well-separated groups of 40, 30 and 20 points around three centres, with noise. */
    private static List<double[]> threeGroups() {
        Random r = new Random(1);
        List<double[]> out = new ArrayList<>();
        double[][] centres = {{0, 0, 0, 0}, {5, 5, 0, 0}, {0, 5, 5, 5}};
        int[] sizes = {40, 30, 20};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                double[] p = centres[g].clone();
                for (int j = 0; j < p.length; j++) {
                    p[j] += r.nextGaussian() * 0.3;
                }
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void the_number_of_groups_is_the_one_with_the_highest_mean_silhouette() {
        SegmentClustering.Outcome o = new SegmentClustering(SegmentClustering.Settings.DEFAULTS).cluster(threeGroups());
        assertEquals(3, o.k());
        Map<Integer, Double> s = o.silhouettes();
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), List.copyOf(s.keySet()));
        double best = s.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(best, s.get(3), 1e-12);
        assertTrue(s.get(3) > 0.7, "well separated groups score high: " + s);
        // numbered by size: the 40 first
        assertEquals(0, o.assignment()[0]);
        assertEquals(1, o.assignment()[40]);
        assertEquals(2, o.assignment()[89]);
    }

    @Test
    void the_silhouette_from_distances_computed_once_is_the_one_computed_pair_by_pair_for_each_k() {
        Random r = new Random(3);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // more than the sample of 500 below, groups overlapping
            double[] p = new double[6];
            for (int j = 0; j < p.length; j++) {
                p[j] = (i % 4) * 1.5 + r.nextGaussian();
            }
            points.add(p);
        }
        SegmentClustering.Settings settings = new SegmentClustering.Settings(2, 6, 2, 100, 500, 42);
        SegmentClustering clustering = new SegmentClustering(settings);
        SegmentClustering.Outcome o = clustering.cluster(points);
        // as the silhouette was computed before: every pair's distance anew, for the chosen k's groups
        int[] sample = clustering.sample(points.size());
        org.apache.commons.math3.ml.distance.EuclideanDistance distance =
                new org.apache.commons.math3.ml.distance.EuclideanDistance();
        double total = 0;
        for (int i : sample) {
            double[] sum = new double[o.k()];
            int[] count = new int[o.k()];
            for (int j : sample) {
                if (j != i) {
                    sum[o.assignment()[j]] += distance.compute(points.get(i), points.get(j));
                    count[o.assignment()[j]]++;
                }
            }
            int own = o.assignment()[i];
            if (count[own] == 0) {
                continue;
            }
            double a = sum[own] / count[own];
            double b = Double.MAX_VALUE;
            for (int g = 0; g < o.k(); g++) {
                if (g != own && count[g] > 0) {
                    b = Math.min(b, sum[g] / count[g]);
                }
            }
            if (b != Double.MAX_VALUE) {
                total += (b - a) / Math.max(a, b);
            }
        }
        assertEquals(total / sample.length, o.silhouettes().get(o.k()), 0.0);
    }

    @Test
    void the_same_input_gives_the_same_groups() {
        SegmentClustering c = new SegmentClustering(SegmentClustering.Settings.DEFAULTS);
        SegmentClustering.Outcome a = c.cluster(threeGroups());
        SegmentClustering.Outcome b = c.cluster(threeGroups());
        assertArrayEquals(a.assignment(), b.assignment());
        assertArrayEquals(a.distances(), b.distances(), 0);
        assertEquals(a.silhouettes(), b.silhouettes());
    }

    @Test
    void one_far_outlier_does_not_move_the_others_groups() {
        List<double[]> with = threeGroups();
        with.add(new double[] {30, 30, 30, 30});
        SegmentClustering.Outcome o = new SegmentClustering(SegmentClustering.Settings.DEFAULTS).cluster(with);
        SegmentClustering.Outcome without = new SegmentClustering(SegmentClustering.Settings.DEFAULTS)
                .cluster(threeGroups());
        for (int i = 0; i < 90; i++) {
            for (int j = i + 1; j < 90; j++) {
                assertEquals(without.assignment()[i] == without.assignment()[j], o.assignment()[i] == o.assignment()[j]);
            }
        }
        assertNotEquals(o.assignment()[0], o.assignment()[90]);
    }

    @Test
    void too_few_customers_for_a_choice_make_one_group_and_none_make_none() {
        SegmentClustering c = new SegmentClustering(SegmentClustering.Settings.DEFAULTS);
        assertEquals(1, c.cluster(List.of(new double[] {1}, new double[] {2}, new double[] {3})).k());
        assertEquals(0, c.cluster(List.of()).k());
    }

    @Test
    void the_silhouette_sample_sees_every_group_even_when_the_customer_order_repeats_a_pattern() {
        // 4,000 points cycling through four far-apart groups: every 2nd point would see only two of them
        List<double[]> cyclic = new ArrayList<>();
        Random r = new Random(3);
        for (int i = 0; i < 4000; i++) {
            int g = i % 4;
            cyclic.add(new double[] {g * 10 + r.nextGaussian() * 0.1, (g % 2) * 10 + r.nextGaussian() * 0.1});
        }
        SegmentClustering.Outcome o = new SegmentClustering(new SegmentClustering.Settings(2, 6, 2, 100, 2000, 1L))
                .cluster(cyclic);
        assertEquals(4, o.k(), o.silhouettes().toString());
        assertTrue(o.silhouettes().get(2) > 0, "two groups of two are still better than nothing: " + o.silhouettes());
    }
}
