package cn.keyaccount.portrait;

import java.util.List;

/**
 * A shape segment: its number (1 the largest), the kind named from its centre with its name in both languages, and
 * (for staff) its size and centre curves (96 points, the working day of mean 1, the rest day in working-day units).
 *
 * @param members        all members; null for a customer viewer
 * @param membersInScope the members the viewer may see; null for a customer viewer
 * @param seasonLevels   winter, spring/autumn and summer level (null where no member had data)
 */
public record SegmentSummary(long id, int number, ShapeKind kind, int ordinal, boolean weekendReduced, String nameZh,
                             String nameEn, Integer members, Integer membersInScope, float[] workday, float[] restDay,
                             List<Double> seasonLevels, Double restLevel) {
}
