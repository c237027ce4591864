package cn.keyaccount.energy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What is wrong or odd in a series, reported rather than hidden: gaps (runs of missing readings), spikes (a
 * reading above {@code spikeFactor} times both present neighbours and the median of the non-zero readings),
 * flat lines (at least {@code flatRunIntervals} equal non-zero readings in a row: a stuck meter; runs of zero are a
 * plant at rest) and the night base load (average kW from 01:00 to 05:00 over the average of the whole day).
 */
public record Anomalies(List<Run> gaps, List<Spike> spikes, List<Run> flatLines, double nightBaseLoadRatio,
                        boolean nightBaseLoadHigh) {

    public record Run(LocalDateTime from, int intervals) {
    }

    public record Spike(LocalDateTime at, double kw) {
    }

    public int missingIntervals() {
        return gaps.stream().mapToInt(Run::intervals).sum();
    }

    public static Anomalies of(IntervalSeries s, AnalysisSettings settings) {
        List<Run> gaps = new ArrayList<>();
        List<Run> flat = new ArrayList<>();
        List<Spike> spikes = new ArrayList<>();
        int n = s.size();
        float[] v = s.kwh();
        int gapStart = -1;
        for (int i = 0; i <= n; i++) {
            boolean missing = i < n && !s.present(i);
            if (missing && gapStart < 0) {
                gapStart = i;
            } else if (!missing && gapStart >= 0) {
                gaps.add(new Run(s.at(gapStart), i - gapStart));
                gapStart = -1;
            }
        }
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            boolean continues = i < n && s.present(i) && s.present(runStart) && v[i] == v[runStart];
            if (!continues) {
                if (s.present(runStart) && v[runStart] != 0 && i - runStart >= settings.flatRunIntervals()) {
                    flat.add(new Run(s.at(runStart), i - runStart));
                }
                runStart = i;
            }
        }
        double median = medianOfNonZero(s);
        for (int i = 0; i < n; i++) {
            if (!s.present(i) || v[i] <= settings.spikeFactor() * median) {
                continue;
            }
            double before = neighbour(s, i, -1);
            double after = neighbour(s, i, 1);
            double limit = settings.spikeFactor() * Math.max(before, after);
            if (v[i] > limit) {
                spikes.add(new Spike(s.at(i), s.kw(i)));
            }
        }
        double nightSum = 0;
        int nightCount = 0;
        double allSum = 0;
        int allCount = 0;
        for (int i = 0; i < n; i++) {
            if (!s.present(i)) {
                continue;
            }
            int k = i % IntervalSeries.PER_DAY;
            allSum += v[i];
            allCount++;
            if (k >= 4 && k < 20) {
                nightSum += v[i];
                nightCount++;
            }
        }
        double ratio = nightCount == 0 || allSum == 0 ? 0 : (nightSum / nightCount) / (allSum / allCount);
        return new Anomalies(gaps, spikes, flat, ratio, ratio > settings.nightBaseLoadLimit());
    }

    private static double neighbour(IntervalSeries s, int i, int step) {
        int j = i + step;
        while (j >= 0 && j < s.size() && !s.present(j)) {
            j += step;
        }
        return j < 0 || j >= s.size() ? 0 : s.kwh()[j];
    }

    private static double medianOfNonZero(IntervalSeries s) {
        float[] copy = new float[s.size()];
        int m = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.present(i) && s.kwh()[i] > 0) {
                copy[m++] = s.kwh()[i];
            }
        }
        if (m == 0) {
            return 0;
        }
        Arrays.sort(copy, 0, m);
        return m % 2 == 1 ? copy[m / 2] : (copy[m / 2 - 1] + copy[m / 2]) / 2.0;
    }
}
