package cn.keyaccount.portrait;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the customer portrait ({@code keyaccount.portrait.*}); meanings in docs/portrait.md. */
@ConfigMapping(prefix = "keyaccount.portrait")
public interface PortraitConfig {

    /** When the monthly recompute fires (Quartz cron, company zone); read by {@code PortraitJob}. */
    String monthlyCron();

    /** How often the catch-up looks for a missed monthly run. */
    String catchUpEvery();

    /** How often every node looks for a chunk of an open recompute to measure ({@code PortraitJob#share}). */
    String shareEvery();

    /** Customers per chunk of a shared recompute: what one node claims at a time. */
    @WithDefault("200")
    int chunkSize();

    /** How long a node's claimed chunk is its own; after that another node measures it again (the node died). */
    @WithDefault("PT5M")
    Duration lease();

    /** Transaction bound of the phase that clusters and stores the run over all customers. */
    @WithDefault("PT30M")
    Duration closeTimeout();

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

    /** Thresholds of the risk tags other features contribute ({@link TagSource}s in billing, servicerequest, …). */
    Risk risk();

    interface Risk {
        /** Complaints in the last twelve months from which a customer is tagged COMPLAINTS. */
        @WithDefault("1")
        int complaints();

        /** Overdue unpaid amount (yuan) from which a customer is tagged ARREARS. */
        @WithDefault("0.01")
        double arrearsAmount();

        /** Bills of the last twelve months paid after their due date from which a customer is tagged LATE_PAYMENTS. */
        @WithDefault("2")
        int latePayments();

        /** Visits of the last twelve months past their planned date and not done from which MISSED_VISITS. */
        @WithDefault("2")
        int missedVisits();

        /** Outages suffered since the 1st of January (not cancelled) from which a customer is tagged OUTAGES. */
        @WithDefault("2")
        int outages();
    }

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
