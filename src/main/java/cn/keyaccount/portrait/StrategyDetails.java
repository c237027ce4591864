package cn.keyaccount.portrait;

import java.time.OffsetDateTime;

/**
 * A segment's service strategy, named as the segment is. {@code defined} is false while no supervisor has written
 * one (then the texts are empty, the interval null and the version 0); for a customer without a segment the
 * kind and the segment's names are null as well.
 */
public record StrategyDetails(ShapeKind kind, int ordinal, boolean weekendReduced, String segmentZh,
                              String segmentEn, boolean defined, Integer visitIntervalDays, String offers,
                              String talkingPoints, String updatedBy, OffsetDateTime updatedAt, long version) {
}
