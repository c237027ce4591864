package cn.keyaccount.portrait;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the customer portrait ({@code keyaccount.portrait.*}); meanings in docs/portrait.md. */
@ConfigMapping(prefix = "keyaccount.portrait")
public interface PortraitConfig {

    /** When the monthly recompute fires (Quartz cron, company zone); read by {@code PortraitJob}. */
    String monthlyCron();

    /** How often the catch-up looks for a missed monthly run. */
    String catchUpEvery();

    /** Usable days (four weeks) a customer needs for a shape and a segment. */
    @WithDefault("28")
    int minDays();

    /** Readings of 96 a day needs to count. */
    @WithDefault("90")
    int minReadings();

    /** Usable days a season's working-day or rest-day shape needs. */
    @WithDefault("5")
    int minDaysOfKind();

    /** Customers an industry's shape must be the median of before a customer may see it (no one else's data). */
    @WithDefault("5")
    int minPeers();

    Clustering clustering();

    Naming naming();

    Tags tags();

    interface Clustering {
        @WithDefault("2")
        int kMin();

        @WithDefault("8")
        int kMax();

        @WithDefault("3")
        int trials();

        @WithDefault("100")
        int maxIterations();

        @WithDefault("2000")
        int silhouetteSample();
    }

    interface Naming {
        @WithDefault("1.5")
        double seasonalRatio();

        @WithDefault("0.6")
        double continuousRatio();

        @WithDefault("1.15")
        double nightRatio();

        @WithDefault("0.85")
        double dipRatio();

        @WithDefault("0.6")
        double weekendRatio();
    }

    /** Thresholds of the built-in tags; meanings on {@link TagRules.Settings}. */
    interface Tags {
        @WithDefault("0.10")
        double growth();

        @WithDefault("0.6")
        double steadyLoadFactor();

        @WithDefault("3.0")
        double peakyRatio();

        @WithDefault("0.5")
        double nightBase();

        @WithDefault("0.7")
        double fallingTrend();

        @WithDefault("0.8")
        double capacityHigh();

        @WithDefault("3")
        int capacityHighMonths();

        @WithDefault("0.3")
        double capacityLow();

        @WithDefault("2")
        int capacitorMonths();

        @WithDefault("0.5")
        double solarDaytimeShare();

        @WithDefault("2.5")
        double shiftingRatio();
    }

    default TagRules.Settings tagSettings() {
        Tags t = tags();
        return new TagRules.Settings(t.growth(), t.steadyLoadFactor(), t.peakyRatio(), t.nightBase(),
                t.fallingTrend(), t.capacityHigh(), t.capacityHighMonths(), t.capacityLow(), t.capacitorMonths(),
                t.solarDaytimeShare(), t.shiftingRatio());
    }

    default TypicalShapes.Settings shapes() {
        return new TypicalShapes.Settings(minDays(), minReadings(), minDaysOfKind());
    }

    default SegmentClustering.Settings clusteringSettings() {
        Clustering c = clustering();
        return new SegmentClustering.Settings(c.kMin(), c.kMax(), c.trials(), c.maxIterations(),
                c.silhouetteSample(), SegmentClustering.Settings.DEFAULTS.seed());
    }

    default ShapeNamer.Settings namingSettings() {
        Naming n = naming();
        return new ShapeNamer.Settings(n.seasonalRatio(), n.continuousRatio(), n.nightRatio(), n.dipRatio(),
                n.weekendRatio());
    }
}
