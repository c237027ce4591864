package cn.keyaccount.portrait;

import cn.keyaccount.energy.IntervalSeries;
import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run with {@code bench/portrait compute}): the CPU part of the monthly recompute without the
 * database: typical shapes, figures and tags of synthetic customer-years (35,040 readings each), then k-means++ with
 * the silhouette over k = 2…8 for 20,000 customers' feature vectors. Prints per-customer cost and the clustering time.
 */
class PortraitComputeBenchmark {

    private static IntervalSeries year(Random r, int shape) {
        LocalDate start = LocalDate.of(2025, 12, 1);
        IntervalSeries s = IntervalSeries.empty(start, start.plusDays(364));
        for (int d = 0; d < 365; d++) {
            boolean work = start.plusDays(d).getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
            for (int k = 0; k < 96; k++) {
                int h = k / 4;
                double kw = switch (shape) {
                    case 0 -> 100;
                    case 1 -> h >= 8 && h < 18 ? 100 : 20;
                    case 2 -> h >= 22 || h < 6 ? 100 : 30;
                    default -> (h >= 8 && h < 12) || (h >= 14 && h < 18) ? 100 : 25;
                };
                kw *= (work ? 1 : 0.4) * (1 + r.nextGaussian() * 0.05);
                s.kwh()[d * 96 + k] = (float) (kw / 4);
                s.kvarh()[d * 96 + k] = (float) (kw / 8);
            }
        }
        return s;
    }

    @Test
    void compute() {
        Random r = new Random(7);
        List<IntervalSeries> sample = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sample.add(year(r, i % 4));
        }
        TagRules rules = new TagRules(TagRules.Settings.DEFAULTS);
        java.util.function.Predicate<LocalDate> workday = d -> d.getDayOfWeek().getValue() <= 5;
        List<double[]> features = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) { // warm-up, then measured: before (LegacyMeasure) and now
            long c0 = threads.getCurrentThreadCpuTime();
            for (IntervalSeries s : sample) {
                TypicalShapes.Result shapes = LegacyMeasure.shapes(s, workday, TypicalShapes.Settings.DEFAULTS);
                CustomerFigures f = LegacyMeasure.figures(s, shapes, 1000, 1e6, 0.05);
                rules.tags(f, false, 0.9);
            }
            long c1 = threads.getCurrentThreadCpuTime();
            features.clear();
            for (IntervalSeries s : sample) {
                CustomerYear year = CustomerYear.of(s);
                TypicalShapes.Result shapes = TypicalShapes.of(year, workday, TypicalShapes.Settings.DEFAULTS);
                CustomerFigures f = CustomerFigures.of(year, shapes, 1000, 1e6, 0.05);
                rules.tags(f, false, 0.9);
                features.add(LoadFeatures.of(shapes));
            }
            long c2 = threads.getCurrentThreadCpuTime();
            if (round == 4) {
                double before = (c1 - c0) / 1e6 / sample.size();
                double now = (c2 - c1) / 1e6 / sample.size();
                System.out.printf("PORTRAIT COMPUTE: shapes + figures + tags, CPU per customer-year (one thread): "
                        + "before %.2f ms, now %.2f ms; 20,000 on 2 threads ≈ %.0f s of CPU each (before %.0f s); "
                        + "load average %.1f%n", before, now, now * 20_000 / 2 / 1000, before * 20_000 / 2 / 1000,
                        loadAverage());
            }
        }
        List<double[]> many = new ArrayList<>(20_000);
        for (int i = 0; i < 20_000; i++) {
            double[] v = features.get(i % features.size()).clone();
            for (int j = 0; j < v.length; j++) {
                v[j] += r.nextGaussian() * 0.05;
            }
            many.add(v);
        }
        long t0 = System.nanoTime();
        SegmentClustering.Outcome o = new SegmentClustering(SegmentClustering.Settings.DEFAULTS).cluster(many);
        System.out.printf("PORTRAIT COMPUTE: k-means++ k = 2…8 (3 runs each) + silhouettes, 20,000 customers: %.1f s, "
                + "k = %d, silhouettes %s; load average %.1f%n", (System.nanoTime() - t0) / 1e9, o.k(),
                o.silhouettes(), loadAverage());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
