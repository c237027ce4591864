package cn.keyaccount.portrait;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One customer's portrait as far as it is built: the load-shape part (status, typical days, segment, industry).
 *
 * @param status       whether the customer has a segment, and if not why
 * @param usableDays   days with enough readings in the period; a segment needs {@code minDays}
 * @param segment      the customer's segment, null without one (for a customer viewer without size and centre)
 * @param shapes       the typical days (period × kind of day), empty without enough data
 * @param seasonLevels winter, spring/autumn, summer median daily energy over the year's (null: no data that season)
 * @param restLevel    a rest day's energy over a working day's (null: unknown)
 * @param industry     the median shapes of the customer's industry, null when fewer than the minimum of customers
 *                     (so that no one sees another customer's curve)
 * @param tags         the tags with their reasons, value first, then behaviour, risk and needs
 * @param figures      the figures with their percentile among the customer's peers (same industry and voltage)
 * @param changes      the tags that appeared or disappeared with the last computation (since the one before)
 */
public record PortraitDetails(long customerId, Status status, int usableDays, int minDays, LocalDate periodFrom,
                              LocalDate periodTo, OffsetDateTime computedAt, SegmentSummary segment,
                              List<ShapeDetails> shapes, List<Double> seasonLevels, Double restLevel,
                              IndustryComparison industry, List<TagDetails> tags, List<FigureDetails> figures,
                              List<TagChangeDetails> changes) {

    public enum Status {
        /** Shapes and a segment. */
        SEGMENTED,
        /** Readings, but under the minimum of usable days: no segment. */
        TOO_LITTLE_DATA,
        /** No readings in the period. */
        NO_READINGS,
        /** No portrait computed yet. */
        NOT_COMPUTED
    }

    /** One typical day: period, kind of day, the number of days it is the median of, 96 points of mean 1. */
    public record ShapeDetails(Season season, DayType dayType, int days, float[] points) {
    }

    /** The industry's (GB/T 4754) median shapes and how many customers they are the median of. */
    public record IndustryComparison(String industryCode, String industryName, int customers, float[] workday,
                                     float[] restDay) {
    }

    /** A tag: its code and category, its label and its reason with the numbers in both languages. */
    public record TagDetails(String code, TagCategory category, String labelZh, String labelEn, String reasonZh,
                             String reasonEn, List<Double> args) {
    }

    /** A tag that appeared ({@code added}) or disappeared with the last computation, with its reason then. */
    public record TagChangeDetails(boolean added, TagDetails tag) {
    }

    /**
     * A figure, and the share of the customer's other peers below it (0–100, null without other peers).
     *
     * @param peers the peers with this figure, the customer included
     */
    public record FigureDetails(Figure figure, double value, Double percentile, int peers) {
    }

    public ShapeDetails shape(Season season, DayType dayType) {
        return shapes.stream().filter(s -> s.season() == season && s.dayType() == dayType).findFirst().orElse(null);
    }
}
