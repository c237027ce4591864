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
 * Computes portraits in two phases. {@link #measure}, per customer (shared by the nodes in chunks, {@link
 * PortraitBatch}): its typical shapes over the twelve months up to yesterday, figures and tags. {@link #finish}, over
 * all customers at once: the segments (k-means++ over {@link LoadFeatures}, k by silhouette), each segment's centre
 * and name, the peer percentiles and each industry's median shape; then replaces the stored run in one transaction.
 * Idempotent: the same readings give the same rows.
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
    private final StageTimes times = new StageTimes();

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

    /** The twelve months a run measures: up to yesterday. */
    record Period(LocalDate from, LocalDate to) {
    }

    /** Whether portraits have been computed at all. */
    public boolean computed() {
        return store.run() != null;
    }

    /** The period a run started now measures. */
    Period currentPeriod() {
        LocalDate to = LocalDate.now(clock).minusDays(1);
        return new Period(to.minusYears(1).plusDays(1), to);
    }

    /** Recomputes every customer's portrait on this node alone, in memory (the job shares it: {@link PortraitBatch}). */
    @ActivateRequestContext
    public RunSummary recomputeAll() {
        long started = System.nanoTime();
        Period period = currentPeriod();
        List<CustomerMeasure> measured = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(threads())) {
            long after = 0;
            for (List<Long> ids = customerIds.idsAfter(after, PAGE); !ids.isEmpty();
                 ids = customerIds.idsAfter(after, PAGE)) {
                after = ids.getLast();
                measured.addAll(measure(ids, period, workers));
            }
        }
        return finish(measured, period, started);
    }

    /** Recomputes the portraits of these customers only, replacing the stored run (the demo's first start). */
    @ActivateRequestContext
    public RunSummary recompute(List<Long> ids) {
        long started = System.nanoTime();
        Period period = currentPeriod();
        List<CustomerMeasure> measured = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(threads())) {
            for (int i = 0; i < ids.size(); i += PAGE) {
                measured.addAll(measure(ids.subList(i, Math.min(ids.size(), i + PAGE)), period, workers));
            }
        }
        return finish(measured, period, started);
    }

    /** Threads measuring customers on this node: one per processor (reading and reducing a year is CPU-bound). */
    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Phase 1 for some customers: each one's shapes, figures and built-in tags from its readings of the period (one
     * customer-year per task on {@code workers}), then the tags the other features contribute; customers without any
     * reading are left out. In customer order.
     */
    @ActivateRequestContext
    List<CustomerMeasure> measure(List<Long> ids, Period period, ExecutorService workers) {
        WorkCalendar calendar = calendars.current();
        TypicalShapes.Settings settings = config.shapes();
        TagRules rules = new TagRules(config.tagSettings());
        List<Future<CustomerMeasure>> page = new ArrayList<>();
        // a customer without a meter has no reading to measure: not even its details are read
        for (CustomerDetails c : customers.detailsOf(Viewer.system(), intervals.withMeters(ids))) {
            page.add(workers.submit(() -> measure(c, period.from(), period.to(), calendar, settings, rules)));
        }
        List<CustomerMeasure> measured = new ArrayList<>();
        for (Future<CustomerMeasure> f : page) {
            CustomerMeasure m = join(f);
            if (m != null) {
                measured.add(m);
            }
        }
        measured.sort((a, b) -> Long.compare(a.customerId(), b.customerId()));
        addContributedTags(measured, period.to());
        return measured;
    }

    /**
     * Phase 2 over every measured customer: peer ranks, the segments (k-means++, k by silhouette) and their names,
     * the industries' median shapes; then replaces the stored run and tells the managers of tag changes. Joins the
     * caller's transaction when there is one (the batch closes itself in the same one).
     */
    RunSummary finish(List<CustomerMeasure> measured, Period period, long startedNanos) {
        TypicalShapes.Settings settings = config.shapes();
        measured.sort((a, b) -> Long.compare(a.customerId(), b.customerId()));
        Map<Long, List<PortraitStore.FigureRank>> ranks = PeerRanks.of(measured.stream().map(m ->
                new PeerRanks.Entry(m.customerId(), m.peerGroup(), m.figures())).toList());
        List<CustomerMeasure> enough = measured.stream().filter(m -> m.shapes().enough(settings)).toList();
        SegmentClustering.Outcome outcome = new SegmentClustering(config.clusteringSettings())
                .cluster(enough.stream().map(m -> LoadFeatures.of(m.shapes())).toList());
        List<PortraitStore.NewSegment> segments = segments(enough, outcome);
        List<PortraitStore.NewCustomer> members = new ArrayList<>(measured.size());
        int e = 0;
        for (CustomerMeasure m : measured) {
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
        List<PortraitStore.TagChange> changes = store.replace(new PortraitStore.NewRun(now, period.from(),
                period.to(), measured.size(), enough.size(), outcome.k(), outcome.silhouettes(), segments, members,
                industries(enough)));
        Map<Long, Long> managers = new java.util.HashMap<>();
        measured.stream().filter(m -> m.managerId() != null).forEach(m -> managers.put(m.customerId(), m.managerId()));
        int notified = tagNotices.send(changes, managers, java.time.YearMonth.from(now));
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        LOG.infof("Portrait: %d customers with readings, %d segmented into %d segments (silhouettes %s), %d tag "
                + "changes (%d sent to managers) in %d ms", measured.size(), enough.size(), outcome.k(),
                outcome.silhouettes(), changes.size(), notified, millis);
        return new RunSummary(now, period.from(), period.to(), measured.size(), enough.size(), segments.size(),
                outcome.silhouettes(), changes.size(), millis);
    }

    /**
     * One customer's shapes, figures and tags from its readings of the period; null without any reading. Runs on a
     * worker thread: it reads the interval store (its own connection) and computes, nothing else.
     */
    private CustomerMeasure measure(CustomerDetails c, LocalDate from, LocalDate to, WorkCalendar calendar,
                                    TypicalShapes.Settings settings, TagRules rules) {
        long t0 = System.nanoTime();
        long cpu0 = StageTimes.cpu();
        IntervalSeries series = intervals.customerSeries(c.id(), from, to);
        long cpu1 = StageTimes.cpu();
        CustomerYear year = CustomerYear.of(series);
        long cpu2 = StageTimes.cpu();
        if (!year.anyReading()) {
            times.add(System.nanoTime() - t0, cpu1 - cpu0, cpu2 - cpu1, 0, 0);
            return null;
        }
        TypicalShapes.Result shapes = TypicalShapes.of(year, calendar::isWorkday, settings);
        long cpu3 = StageTimes.cpu();
        CustomerFigures figures = CustomerFigures.of(year, shapes, c.operatingCapacityKva().doubleValue(),
                c.annualKwh().doubleValue(), c.growthRate().doubleValue());
        List<PortraitTag> tags = new ArrayList<>(rules.tags(figures, c.tier() == Tier.A,
                c.powerFactorStandard().doubleValue()));
        CustomerMeasure m = new CustomerMeasure(c.id(), c.managerId(), c.industryCode(),
                c.industryCode() + "|" + c.voltageKv().stripTrailingZeros().toPlainString(), shapes,
                figures.figures(), tags);
        times.add(System.nanoTime() - t0, cpu1 - cpu0, cpu2 - cpu1, cpu3 - cpu2, StageTimes.cpu() - cpu3);
        return m;
    }

    /** Where the measuring time went on this node since it started (or since the last {@link StageTimes#reset()}). */
    StageTimes stageTimes() {
        return times;
    }

    private static CustomerMeasure join(Future<CustomerMeasure> f) {
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
    private void addContributedTags(List<CustomerMeasure> measured, LocalDate asOf) {
        if (measured.isEmpty()) {
            return;
        }
        List<Long> ids = measured.stream().map(CustomerMeasure::customerId).toList();
        Map<Long, CustomerMeasure> byId = new java.util.HashMap<>();
        measured.forEach(m -> byId.put(m.customerId(), m));
        for (TagSource source : tagSources) {
            source.tags(ids, asOf).forEach((id, tags) -> {
                CustomerMeasure m = byId.get(id);
                if (m != null) {
                    m.tags().addAll(tags);
                }
            });
        }
    }

    private List<PortraitStore.NewSegment> segments(List<CustomerMeasure> enough, SegmentClustering.Outcome outcome) {
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
    private static List<PortraitStore.NewIndustryShape> industries(List<CustomerMeasure> enough) {
        Map<String, List<CustomerMeasure>> byIndustry = new TreeMap<>();
        for (CustomerMeasure m : enough) {
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
}
