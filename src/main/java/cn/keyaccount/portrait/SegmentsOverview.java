package cn.keyaccount.portrait;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The last computation's segments: when and over which period, how many customers had readings and how many enough
 * for a segment, the mean silhouette of each k tried (the chosen k has the highest) and the segments, largest first.
 * {@code computedAt} is null before the first computation.
 */
public record SegmentsOverview(OffsetDateTime computedAt, LocalDate periodFrom, LocalDate periodTo, int customers,
                               int segmented, int chosenK, List<Silhouette> silhouettes,
                               List<SegmentSummary> segments) {

    public record Silhouette(int k, double score) {
    }
}
