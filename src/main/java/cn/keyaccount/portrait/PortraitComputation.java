package cn.keyaccount.portrait;

import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.Tier;
import cn.keyaccount.energy.IntervalSeries;
import cn.keyaccount.energy.IntervalStore;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Recomputes every portrait: each customer's typical shapes over the twelve months up to yesterday, the segments
 * (k-means++ over {@link LoadFeatures}, k by silhouette), each segment's centre and name, and each industry's median
 * shape; then replaces the stored run in one transaction. Idempotent: the same readings give the same rows.
 */
@ApplicationScoped
public class PortraitComputation {

    private static final Logger LOG = Logger.getLogger(PortraitComputation.class);
    private static final int PAGE = 500;

    private final CustomerQueries customerIds;
    private final CustomerService customers;
    private final IntervalStore intervals;
    private final WorkCalendarSource calendars;
    private final PortraitStore store;
    private final PortraitConfig config;
    private final Clock clock;
    private final Instance<TagSource> tagSources;
    private final TagChangeNotices tagNotices;

    PortraitComputation(CustomerQueries customerIds, CustomerService customers, IntervalStore intervals,
                        WorkCalendarSource calendars, PortraitStore store, PortraitConfig config, Clock clock,
                        Instance<TagSource> tagSources, TagChangeNotices tagNotices) {
        this.tagSources = tagSources;
        this.tagNotices = tagNotices;
        this.customerIds = customerIds;
        this.customers = customers;
        this.intervals = intervals;
        this.calendars = calendars;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** What a recompute found. */
    public record RunSummary(OffsetDateTime computedAt, LocalDate periodFrom, LocalDate periodTo, int customers,
                             int segmented, int segments, Map<Integer, Double> silhouettes, int tagChanges,
                             long millis) {
    }

    /** One customer's shapes as computed, with what it is compared by. */
    private record Measured(long customerId, Long managerId, String industryCode, String peerGroup, TypicalShapes.Result shapes,
                            CustomerFigures figures, List<PortraitTag> tags) {
    }

    /** Whether portraits have been computed at all. */
    public boolean computed() {
        return store.run() != null;
    }

    @ActivateRequestContext
    public RunSummary recomputeAll() {
        long started = System.nanoTime();
        LocalDate to = LocalDate.now(clock).minusDays(1);
        LocalDate from = to.minusYears(1).plusDays(1);
        WorkCalendar calendar = calendars.current();
        TypicalShapes.Settings settings = config.shapes();
        TagRules rules = new TagRules(config.tagSettings());
        // a customer-year is read and reduced on one thread per processor: CPU-bound (decoding, sorting medians)
        List<Measured> measured = new ArrayList<>();
        long after = 0;
        try (ExecutorService workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            for (List<Long> ids = customerIds.idsAfter(after, PAGE); !ids.isEmpty();
                 ids = customerIds.idsAfter(after, PAGE)) {
                after = ids.getLast();
                List<Future<Measured>> page = new ArrayList<>();
                for (CustomerDetails c : customers.detailsOf(Viewer.system(), ids)) {
                    page.add(workers.submit(() -> measure(c, from, to, calendar, settings, rules)));
                }
                for (Future<Measured> f : page) {
                    Measured m = join(f);
                    if (m != null) {
                        measured.add(m);
                    }
                }
            }
        }
        measured.sort((a, b) -> Long.compare(a.customerId(), b.customerId()));
        addContributedTags(measured, to);
        Map<Long, List<PortraitStore.FigureRank>> ranks = PeerRanks.of(measured.stream().map(m ->
                new PeerRanks.Entry(m.customerId(), m.peerGroup(), m.figures().figures())).toList());
        List<Measured> enough = measured.stream().filter(m -> m.shapes().enough(settings)).toList();
        SegmentClustering.Outcome outcome = new SegmentClustering(config.clusteringSettings())
                .cluster(enough.stream().map(m -> LoadFeatures.of(m.shapes())).toList());
        List<PortraitStore.NewSegment> segments = segments(enough, outcome);
        List<PortraitStore.NewCustomer> members = new ArrayList<>(measured.size());
        int e = 0;
        for (Measured m : measured) {
            boolean segmented = e < enough.size() && enough.get(e) == m;
            int segment = segmented ? outcome.assignment()[e] + 1 : 0;
            double distance = segmented ? outcome.distances()[e] : 0;
            if (segmented) {
                e++;
            }
            members.add(new PortraitStore.NewCustomer(m.customerId(), m.shapes().usableDays(), segment, distance,
                    m.shapes().seasonLevels(), m.shapes().restLevel(), m.shapes().shapes(),
                    ranks.getOrDefault(m.customerId(), List.of()), m.tags()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PortraitStore.TagChange> changes = store.replace(new PortraitStore.NewRun(now, from, to, measured.size(),
                enough.size(), outcome.k(), outcome.silhouettes(), segments, members, industries(enough)));
        Map<Long, Long> managers = new java.util.HashMap<>();
        measured.stream().filter(m -> m.managerId() != null).forEach(m -> managers.put(m.customerId(), m.managerId()));
        int notified = tagNotices.send(changes, managers, java.time.YearMonth.from(now));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Portrait: %d customers with readings, %d segmented into %d segments (silhouettes %s), %d tag "
                + "changes (%d sent to managers) in %d ms", measured.size(), enough.size(), outcome.k(),
                outcome.silhouettes(), changes.size(), notified, millis);
        return new RunSummary(now, from, to, measured.size(), enough.size(), segments.size(), outcome.silhouettes(),
                changes.size(), millis);
    }

    /**
     * One customer's shapes, figures and tags from its readings of the period; null without any reading. Runs on a
     * worker thread: it reads the interval store (its own connection) and computes, nothing else.
     */
    private Measured measure(CustomerDetails c, LocalDate from, LocalDate to, WorkCalendar calendar,
                             TypicalShapes.Settings settings, TagRules rules) {
        IntervalSeries series = intervals.customerSeries(c.id(), from, to);
        if (!anyReading(series)) {
            return null;
        }
        TypicalShapes.Result shapes = TypicalShapes.of(series, calendar::isWorkday, settings);
        CustomerFigures figures = CustomerFigures.of(series, shapes, c.operatingCapacityKva().doubleValue(),
                c.annualKwh().doubleValue(), c.growthRate().doubleValue());
        List<PortraitTag> tags = new ArrayList<>(rules.tags(figures, c.tier() == Tier.A,
                c.powerFactorStandard().doubleValue()));
        return new Measured(c.id(), c.managerId(), c.industryCode(),
                c.industryCode() + "|" + c.voltageKv().stripTrailingZeros().toPlainString(), shapes, figures, tags);
    }

    private static Measured join(Future<Measured> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("portrait computation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("portrait computation failed", e.getCause());
        }
    }

    /** The tags other features contribute ({@link TagSource}), added to the built-in ones. */
    private void addContributedTags(List<Measured> measured, LocalDate asOf) {
        List<Long> ids = measured.stream().map(Measured::customerId).toList();
        Map<Long, Measured> byId = new java.util.HashMap<>();
        measured.forEach(m -> byId.put(m.customerId(), m));
        for (TagSource source : tagSources) {
            source.tags(ids, asOf).forEach((id, tags) -> {
                Measured m = byId.get(id);
                if (m != null) {
                    m.tags().addAll(tags);
                }
            });
        }
    }

    private List<PortraitStore.NewSegment> segments(List<Measured> enough, SegmentClustering.Outcome outcome) {
        ShapeNamer namer = new ShapeNamer(config.namingSettings());
        List<PortraitStore.NewSegment> out = new ArrayList<>();
        Map<ShapeKind, Integer> ofKind = new EnumMap<>(ShapeKind.class);
        List<ShapeKind> kinds = new ArrayList<>();
        List<float[][]> centres = new ArrayList<>();
        List<double[]> levels = new ArrayList<>();
        List<Double> restLevels = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int g = 0; g < outcome.k(); g++) {
            float[] work = new float[TypicalShapes.POINTS];
            float[] rest = new float[TypicalShapes.POINTS];
            double[] seasonSum = new double[3];
            int[] seasonCount = new int[3];
            double restSum = 0;
            int restCount = 0;
            int n = 0;
            for (int i = 0; i < enough.size(); i++) {
                if (outcome.assignment()[i] != g) {
                    continue;
                }
                TypicalShapes.Result r = enough.get(i).shapes();
                float[] w = r.shape(Season.YEAR, DayType.WORKDAY).points();
                TypicalShapes.Shape restShape = r.shape(Season.YEAR, DayType.REST_DAY);
                float[] rs = restShape == null ? w : restShape.points();
                double level = LoadFeatures.restLevel(r.restLevel());
                for (int k = 0; k < TypicalShapes.POINTS; k++) {
                    work[k] += w[k];
                    rest[k] += (float) (rs[k] * level);
                }
                for (int s = 0; s < 3; s++) {
                    if (!Double.isNaN(r.seasonLevels()[s])) {
                        seasonSum[s] += r.seasonLevels()[s];
                        seasonCount[s]++;
                    }
                }
                if (!Double.isNaN(r.restLevel())) {
                    restSum += r.restLevel();
                    restCount++;
                }
                n++;
            }
            for (int k = 0; k < TypicalShapes.POINTS; k++) {
                work[k] /= n;
                rest[k] /= n;
            }
            double[] season = new double[3];
            for (int s = 0; s < 3; s++) {
                season[s] = seasonCount[s] == 0 ? Double.NaN : seasonSum[s] / seasonCount[s];
            }
            ShapeKind kind = namer.kind(work, season);
            ofKind.merge(kind, 1, Integer::sum);
            kinds.add(kind);
            centres.add(new float[][] {work, rest});
            levels.add(season);
            restLevels.add(restCount == 0 ? Double.NaN : restSum / restCount);
            sizes.add(n);
        }
        Map<ShapeKind, Integer> seen = new EnumMap<>(ShapeKind.class);
        for (int g = 0; g < kinds.size(); g++) {
            ShapeKind kind = kinds.get(g);
            // segments come largest first, so 1 is the largest of its kind
            int ordinal = ofKind.get(kind) == 1 ? 0 : seen.merge(kind, 1, Integer::sum);
            out.add(new PortraitStore.NewSegment(g + 1, kind, ordinal, namer.reducedAtWeekends(restLevels.get(g)),
                    sizes.get(g), centres.get(g)[0], centres.get(g)[1], levels.get(g), restLevels.get(g)));
        }
        return out;
    }

    /** Each industry's median year shape per kind of day, over its customers with enough data. */
    private static List<PortraitStore.NewIndustryShape> industries(List<Measured> enough) {
        Map<String, List<Measured>> byIndustry = new TreeMap<>();
        for (Measured m : enough) {
            byIndustry.computeIfAbsent(m.industryCode(), x -> new ArrayList<>()).add(m);
        }
        List<PortraitStore.NewIndustryShape> out = new ArrayList<>();
        byIndustry.forEach((industry, list) -> {
            for (DayType type : DayType.values()) {
                List<float[]> curves = list.stream().map(m -> m.shapes().shape(Season.YEAR, type))
                        .filter(java.util.Objects::nonNull).map(TypicalShapes.Shape::points).toList();
                if (!curves.isEmpty()) {
                    out.add(new PortraitStore.NewIndustryShape(industry, type, curves.size(), median(curves)));
                }
            }
        });
        return out;
    }

    private static float[] median(List<float[]> curves) {
        float[] out = new float[TypicalShapes.POINTS];
        float[] column = new float[curves.size()];
        int n = curves.size();
        for (int k = 0; k < TypicalShapes.POINTS; k++) {
            for (int i = 0; i < n; i++) {
                column[i] = curves.get(i)[k];
            }
            Arrays.sort(column);
            out[k] = n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
        }
        return out;
    }

    private static boolean anyReading(IntervalSeries s) {
        for (float v : s.kwh()) {
            if (!Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
