package cn.keyaccount.energy;

import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.TransformerHistory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The whole diagnosis of one customer's period, pure computation over the interval series: no database, no clock.
 * Everything the dashboard, the REST answer and the report show comes from here.
 */
public final class EnergyAnalyzer {

    private static final BigDecimal TARGET_GRANULARITY_KVAR = BigDecimal.TEN;
    private static final BigDecimal NOTHING = BigDecimal.ZERO.setScale(2);

    /**
     * A transformer as the analysis needs it.
     *
     * @param metered the sum of the meters mapped to it over the period, null when no meter is
     */
    public record TransformerSpec(String name, double ratedKva, double noLoadLossKw, double loadLossKw,
                                  IntervalSeries metered) {

        /** A transformer without a meter of its own. */
        public TransformerSpec(String name, double ratedKva, double noLoadLossKw, double loadLossKw) {
            this(name, ratedKva, noLoadLossKw, loadLossKw, null);
        }
    }

    /**
     * @param series        the sum of all the customer's meters
     * @param capacityKva   the capacity billed by capacity and the base of the 40 % contract-demand floor
     * @param declaredKw    the contract demand in force (contract-demand customers), may be null
     * @param unmapped      the sum of the customer's meters mapped to no transformer, null when there are none
     * @param tariffs       the tariff version in force on a day
     * @param inService     the transformers' suspensions and capacity changes, month by month
     */
    public record Input(IntervalSeries series, BigDecimal capacityKva, BasicChargeMode mode, BigDecimal declaredKw,
                        PowerFactorStandard standard, List<TransformerSpec> transformers, IntervalSeries unmapped,
                        Function<LocalDate, TouTariff> tariffs, CapacityInService inService) {

        /** No transformer suspended or changed in capacity: every month billed on the whole capacity. */
        public Input(IntervalSeries series, BigDecimal capacityKva, BasicChargeMode mode, BigDecimal declaredKw,
                     PowerFactorStandard standard, List<TransformerSpec> transformers, IntervalSeries unmapped,
                     Function<LocalDate, TouTariff> tariffs) {
            this(series, capacityKva, mode, declaredKw, standard, transformers, unmapped, tariffs,
                    CapacityInService.none());
        }

        /** No meter mapped to a transformer: every reading is unmapped. */
        public Input(IntervalSeries series, BigDecimal capacityKva, BasicChargeMode mode, BigDecimal declaredKw,
                     PowerFactorStandard standard, List<TransformerSpec> transformers,
                     Function<LocalDate, TouTariff> tariffs) {
            this(series, capacityKva, mode, declaredKw, standard, transformers, series, tariffs);
        }
    }

    /**
     * @param transformers       one per transformer, in the order given
     * @param transformerTotal   all of them together, null when the customer has none
     * @param shiftingSavingYuan what moving the shiftable share of peak energy to the valley saves in the period
     * @param daysInPeriod       the days from {@code from} to {@code to}
     * @param daysWithData       the days of the period holding at least one reading: a comparison of two periods
     *                           says when theirs differ
     */
    public record Result(LocalDate from, LocalDate to, LoadMetrics load, TouSplit tou, List<MonthFigures> months,
                         BasicChargeRules.Comparison billingModes, List<TransformerLoad> transformers,
                         TransformerLoad transformerTotal, double shiftableKwh, BigDecimal shiftingSavingYuan,
                         Anomalies anomalies, HealthScore health, List<Recommendation> recommendations,
                         double annualFactor, int daysInPeriod, int daysWithData) {

        public BigDecimal totalYuan() {
            return months.stream().map(MonthFigures::totalYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Each transformer's losses in the period in whole kWh; they add up to the total's as shown. */
        public long[] wholeTransformerLossKwh() {
            return WholeUnits.apportion(transformers.stream().mapToDouble(TransformerLoad::lossKwh).toArray());
        }

        /** An energy figure of each month in whole units adding up to the period's (see {@link WholeUnits}). */
        public Map<YearMonth, Long> wholeByMonth(ToDoubleFunction<MonthFigures> energy) {
            Map<YearMonth, Double> parts = new LinkedHashMap<>();
            months.forEach(m -> parts.put(m.month(), energy.applyAsDouble(m)));
            return WholeUnits.apportion(parts);
        }
    }

    private final AnalysisSettings settings;

    public EnergyAnalyzer(AnalysisSettings settings) {
        this.settings = settings;
    }

    public Result analyse(Input in) {
        IntervalSeries s = in.series();
        LocalDate from = s.start();
        LocalDate to = from.plusDays(s.days() - 1L);
        LoadMetrics load = LoadMetrics.of(s);
        List<TouSplit> monthSplits = new ArrayList<>();
        List<BasicChargeRules.Month> basicMonths = new ArrayList<>();
        List<MonthFigures> months = months(in, from, to, monthSplits, basicMonths);
        // the period's split is its months' as billed, so that the months' energy charges add up to its amounts
        TouSplit tou = TouSplit.sum(monthSplits);
        int days = s.days();
        double annual = days < 365 || days > 366 ? 365.0 / days : 1.0;

        // the last twelve months as the months' table bills them, so that the current way's total is their sum
        List<BasicChargeRules.Month> lastTwelve = basicMonths.subList(Math.max(0, basicMonths.size() - 12),
                basicMonths.size());
        BasicChargeRules.Comparison modes = in.mode() == BasicChargeMode.NONE || lastTwelve.isEmpty() ? null
                : BasicChargeRules.compare(lastTwelve, in.capacityKva(), in.mode(), in.declaredKw());

        List<TransformerLoad> transformers = transformers(in);
        TransformerLoad transformerTotal = transformers.isEmpty() ? null
                : TransformerLoad.total(transformers, s, settings);
        double shiftable = tou.peakKwh() * settings.shiftableShare();
        BigDecimal share = BigDecimal.valueOf(settings.shiftableShare());
        BigDecimal shiftingSaving = yuan(tou.peakPremiumYuan().multiply(share));
        Anomalies anomalies = Anomalies.of(s, settings);

        List<Recommendation> recs = new ArrayList<>();
        capacitor(in, months, days).ifPresent(recs::add);
        Recommendation billing = modes != null && modes.saving().signum() > 0 ? billingMode(modes) : null;
        Recommendation outOfService = in.mode() == BasicChargeMode.CAPACITY
                ? SuspensionAdvice.best(months.subList(months.size() - lastTwelve.size(), months.size()), lastTwelve,
                        in.capacityKva(), in.inService(), settings.heavyLoadFrom())
                        .map(p -> outOfService(p, in.capacityKva())).orElse(null) : null;
        // both cut the same basic charge: alternatives, counted once in the total (Recommendation.annualSaving)
        if (billing != null) {
            recs.add(billing);
        }
        if (outOfService != null) {
            recs.add(outOfService);
        }
        if (shiftingSaving.signum() > 0) {
            recs.add(new Recommendation(Recommendation.Kind.LOAD_SHIFTING,
                    perYear(tou.peakPremiumYuan().multiply(share), days), NOTHING, null,
                    "energy.recommendation.load-shifting",
                    List.of(Math.round(settings.shiftableShare() * 100), Math.round(shiftable * annual))));
        }
        HealthScore health = health(in, months, load, tou, modes, transformers, anomalies);
        return new Result(from, to, load, tou, months, modes, transformers, transformerTotal, shiftable,
                shiftingSaving, anomalies, health, recs, annual, days,
                months.stream().mapToInt(MonthFigures::daysWithData).sum());
    }

    /**
     * Billing the basic charge the cheapest way: its saving over the compared months as a yearly amount (scaled to
     * 365 days unless they cover a year), in words the way to change to and the current one.
     */
    private static Recommendation billingMode(BasicChargeRules.Comparison modes) {
        int days = modes.months().stream().mapToInt(BasicChargeRules.Month::daysCovered).sum();
        BasicChargeRules.Option to = modes.cheapest();
        BasicChargeRules.Option from = modes.current();
        BigDecimal yearly = perYear(modes.saving(), days);
        if (to.mode() != BasicChargeMode.CONTRACT_DEMAND) {
            return new Recommendation(Recommendation.Kind.BILLING_MODE, yearly, NOTHING, null,
                    "energy.recommendation.billing-mode", List.of(to.mode().name(), from.mode().name()),
                    ApplicationProposal.billingChange(to.mode(), null));
        }
        if (from.mode() == BasicChargeMode.CONTRACT_DEMAND) {
            return new Recommendation(Recommendation.Kind.BILLING_MODE, yearly, NOTHING, null,
                    "energy.recommendation.declared-demand", List.of(to.declaredKw(), from.contractKw()),
                    ApplicationProposal.billingChange(to.mode(), to.declaredKw()));
        }
        return new Recommendation(Recommendation.Kind.BILLING_MODE, yearly, NOTHING, null,
                "energy.recommendation.billing-mode-declared", List.of(to.declaredKw(), from.mode().name()),
                ApplicationProposal.billingChange(to.mode(), to.declaredKw()));
    }

    /**
     * Taking a transformer out of service: its yearly saving is the compared months' basic charge as billed today
     * less as billed with the proposal, each scaled to a year; the text names both, the transformer and the months.
     */
    private static Recommendation outOfService(SuspensionAdvice.Proposal p, BigDecimal capacityKva) {
        BigDecimal current = perYear(p.current(), p.days());
        BigDecimal proposed = perYear(p.proposed(), p.days());
        TransformerHistory t = p.transformer();
        boolean suspension = p.kind() == Recommendation.Kind.SUSPENSION;
        ApplicationProposal application = new ApplicationProposal(suspension
                ? ApplicationProposal.Kind.SUSPENSION : ApplicationProposal.Kind.CAPACITY_REDUCTION, null, null,
                suspension ? null : capacityKva.subtract(t.transformer().ratedKva()), t.transformer().id(),
                suspension ? p.from().atDay(1) : null,
                suspension ? p.to().atEndOfMonth() : null);
        return new Recommendation(p.kind(), current.subtract(proposed), NOTHING, null,
                suspension ? "energy.recommendation.suspension" : "energy.recommendation.capacity-reduction",
                List.of(t.transformer().name(), t.transformer().ratedKva(), p.from().toString(), p.to().toString(),
                        money(current), money(proposed)), application);
    }

    /** An amount of the period as a yearly one: scaled to 365 days unless the period is a year. */
    private static BigDecimal perYear(BigDecimal amount, int days) {
        return days < 365 || days > 366
                ? amount.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP)
                : yuan(amount);
    }

    /** An amount as the texts show money: two decimals with thousands separators. */
    private static String money(BigDecimal yuan) {
        return String.format(java.util.Locale.ROOT, "%,.2f", yuan);
    }

    private static BigDecimal yuan(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Each transformer's load: from the meters mapped to it, or, for those without a meter of their own, the meters
     * mapped to no transformer shared among them by rated kVA.
     */
    private List<TransformerLoad> transformers(Input in) {
        double unmeteredKva = in.transformers().stream().filter(t -> t.metered() == null)
                .mapToDouble(TransformerSpec::ratedKva).sum();
        IntervalSeries shared = in.unmapped();
        if (shared == null && unmeteredKva > 0) {
            shared = IntervalSeries.empty(in.series().start(), in.series().start().plusDays(in.series().days() - 1L));
        }
        List<TransformerLoad> out = new ArrayList<>();
        for (TransformerSpec t : in.transformers()) {
            out.add(t.metered() != null
                    ? TransformerLoad.of(t.name(), TransformerLoad.Basis.METERED, t.metered(), 1, t.ratedKva(),
                            t.noLoadLossKw(), t.loadLossKw(), settings)
                    : TransformerLoad.of(t.name(), TransformerLoad.Basis.SHARED_BY_RATING, shared,
                            t.ratedKva() / unmeteredKva, t.ratedKva(), t.noLoadLossKw(), t.loadLossKw(), settings));
        }
        return out;
    }

    /**
     * The months of the period; their time-of-use splits go into {@code splits}, and what their basic charge is
     * computed from into {@code basicMonths}, in the same order.
     */
    private List<MonthFigures> months(Input in, LocalDate from, LocalDate to, List<TouSplit> splits,
                                      List<BasicChargeRules.Month> basicMonths) {
        List<MonthFigures> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate a = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate b = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            IntervalSeries part = in.series().slice(a, b);
            LoadMetrics lm = LoadMetrics.of(part);
            TouSplit split = TouSplit.of(part, in.tariffs());
            TouTariff tariff = in.tariffs().apply(b);
            BigDecimal pf = PowerFactor.of(lm.energyKwh(), lm.reactiveKvarh());
            BigDecimal pmax = BigDecimal.valueOf(lm.maxDemandKw()).setScale(2, RoundingMode.HALF_UP);
            int covered = part.days();
            BigDecimal inService = in.inService().billed(in.capacityKva(), m);
            BasicChargeRules.Month month = new BasicChargeRules.Month(m, pmax, covered, m.lengthOfMonth(),
                    tariff.basicPrices(), inService);
            BigDecimal basic = in.mode() == BasicChargeMode.NONE ? BigDecimal.ZERO.setScale(2)
                    : month.charge(in.mode(), in.capacityKva(), in.declaredKw() == null ? BigDecimal.ZERO
                            : in.declaredKw());
            basicMonths.add(month);
            splits.add(split);
            BigDecimal energy = split.totalYuan();
            Map<PowerFactorStandard, BigDecimal> all = new EnumMap<>(PowerFactorStandard.class);
            for (PowerFactorStandard st : PowerFactorStandard.values()) {
                all.put(st, st.adjustmentPercent(pf));
            }
            out.add(new MonthFigures(m, covered, lm.energyKwh(), lm.reactiveKvarh(), lm.present(), lm.expected(), pf,
                    pmax, energy, basic, in.standard().adjustmentPercent(pf),
                    in.standard().adjustment(pf, energy.add(basic)), all, split.kwh(), daysWithData(part),
                    daysWithData(part) < m.lengthOfMonth(), inService));
        }
        return out;
    }

    /**
     * A fixed capacitor bank large enough that every month reaches the target factor: the month needing most sets
     * Qc = (kvarh − kWh × tan φ_target) / hours, rounded up to 10 kvar. Its saving: each month's adjustment at the
     * factor the month would have had with Qc × hours less reactive energy, against the adjustment it had.
     */
    private Optional<Recommendation> capacitor(Input in, List<MonthFigures> months, int days) {
        double target = settings.targetPowerFactor();
        double tanTarget = PowerFactor.tan(target);
        double qc = 0;
        for (MonthFigures m : months) {
            double hours = m.present() * 0.25;
            if (hours > 0 && m.kwh() > 0) {
                qc = Math.max(qc, (m.kvarh() - m.kwh() * tanTarget) / hours);
            }
        }
        if (qc <= 0) {
            return Optional.empty();
        }
        BigDecimal kvar = BigDecimal.valueOf(qc).divide(TARGET_GRANULARITY_KVAR, 0, RoundingMode.CEILING)
                .multiply(TARGET_GRANULARITY_KVAR);
        BigDecimal saving = BigDecimal.ZERO;
        for (MonthFigures m : months) {
            double hours = m.present() * 0.25;
            BigDecimal after = PowerFactor.of(m.kwh(), Math.max(0, m.kvarh() - kvar.doubleValue() * hours));
            saving = saving.add(m.adjustmentYuan().subtract(in.standard().adjustment(after, m.adjustedBase())));
        }
        if (saving.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal investment = yuan(kvar.multiply(BigDecimal.valueOf(settings.capacitorYuanPerKvar())));
        BigDecimal yearly = perYear(saving, days);
        return Optional.of(new Recommendation(Recommendation.Kind.CAPACITOR, yearly, investment,
                round2(investment.doubleValue() / yearly.doubleValue()), "energy.recommendation.capacitor",
                List.of(kvar.intValue(), target)));
    }

    private HealthScore health(Input in, List<MonthFigures> months, LoadMetrics load, TouSplit tou,
                               BasicChargeRules.Comparison modes, List<TransformerLoad> transformers,
                               Anomalies anomalies) {
        List<HealthScore.Component> parts = new ArrayList<>();
        if (!months.isEmpty()) {
            MonthFigures worst = months.stream()
                    .reduce((a, b) -> a.adjustmentPercent().compareTo(b.adjustmentPercent()) >= 0 ? a : b).get();
            double a = worst.adjustmentPercent().doubleValue();
            double maxRefund = -in.standard().adjustmentPercent(BigDecimal.ONE).doubleValue();
            double score = a <= 0 ? 90 + 10 * (-a / maxRefund) : 90 - 10 * a;
            parts.add(new HealthScore.Component("POWER_FACTOR", HealthScore.clamp(score), 25,
                    "energy.health.power-factor", List.of(worst.month().toString(), worst.powerFactor(),
                    in.standard().value())));
        }
        parts.add(new HealthScore.Component("LOAD_FACTOR", HealthScore.clamp(load.loadFactor() / 0.8 * 100), 20,
                "energy.health.load-factor", List.of(round2(load.loadFactor()))));
        // the worst-loaded transformer scores for all: an overloaded or idling unit costs its risk or its losses
        // whatever its neighbours do, and a capacity-weighted mean would let a large well-loaded one hide it
        transformers.stream().filter(TransformerLoad::measured).min(Comparator.comparingInt(EnergyAnalyzer::bandScore))
                .ifPresent(worst -> parts.add(new HealthScore.Component("TRANSFORMER", bandScore(worst), 20,
                        "energy.health.transformer", List.of(round2(worst.averageLoadRate()),
                        worst.averageBand().name(), worst.name()))));
        if (modes != null && modes.current().total().signum() > 0) {
            double share = modes.saving().doubleValue() / modes.current().total().doubleValue();
            parts.add(new HealthScore.Component("BASIC_CHARGE", HealthScore.clamp(100 - 200 * share), 15,
                    modes.saving().signum() > 0 ? "energy.health.basic-charge" : "energy.health.basic-charge-best",
                    List.of(modes.saving(), modes.cheapest().mode().name(), modes.months().size())));
        }
        double total = tou.totalKwh();
        double peakShare = total == 0 ? 0 : tou.peakKwh() / total;
        parts.add(new HealthScore.Component("PEAK_SHARE", HealthScore.clamp(100 - (peakShare - 0.3) * 250), 10,
                "energy.health.peak-share", List.of(round2(peakShare))));
        int faults = anomalies.spikes().size() + anomalies.flatLines().size();
        parts.add(new HealthScore.Component("DATA_QUALITY", HealthScore.clamp(load.completeness() * 100 - 2 * faults),
                10, "energy.health.data-quality", List.of(round2(load.completeness()), anomalies.gaps().size(),
                anomalies.spikes().size(), anomalies.flatLines().size())));
        return HealthScore.of(parts);
    }

    /** The days of the series holding at least one reading. */
    static int daysWithData(IntervalSeries s) {
        int days = 0;
        for (int d = 0; d < s.days(); d++) {
            for (int k = 0; k < IntervalSeries.PER_DAY; k++) {
                if (s.present(d * IntervalSeries.PER_DAY + k)) {
                    days++;
                    break;
                }
            }
        }
        return days;
    }

    private static int bandScore(TransformerLoad t) {
        return switch (t.averageBand()) {
            case ECONOMIC -> 100;
            case HEAVY -> 70;
            case LIGHT -> 60;
            case OVERLOAD -> 20;
        };
    }

    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
