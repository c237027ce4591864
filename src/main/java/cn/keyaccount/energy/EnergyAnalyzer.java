package cn.keyaccount.energy;

import cn.keyaccount.customer.BasicChargeMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole diagnosis of one customer's period, pure computation over the interval series: no database, no clock.
 * Everything the dashboard, the REST answer and the report show comes from here.
 */
public final class EnergyAnalyzer {

    private static final BigDecimal TARGET_GRANULARITY_KVAR = BigDecimal.TEN;

    /** A transformer as the analysis needs it. */
    public record TransformerSpec(String name, double ratedKva, double noLoadLossKw, double loadLossKw) {
    }

    /**
     * @param capacityKva   the capacity billed by capacity and the base of the 40 % contract-demand floor
     * @param declaredKw    the contract demand in force (contract-demand customers), may be null
     * @param tariffs       the tariff version in force on a day
     */
    public record Input(IntervalSeries series, BigDecimal capacityKva, BasicChargeMode mode, BigDecimal declaredKw,
                        PowerFactorStandard standard, List<TransformerSpec> transformers,
                        Function<LocalDate, TouTariff> tariffs) {
    }

    public record Result(LocalDate from, LocalDate to, LoadMetrics load, TouSplit tou, List<MonthFigures> months,
                         BasicChargeRules.Comparison billingModes, TransformerLoad transformer, double shiftableKwh,
                         double shiftingSavingYuan, Anomalies anomalies, HealthScore health,
                         List<Recommendation> recommendations, double annualFactor) {

        public BigDecimal totalYuan() {
            return months.stream().map(MonthFigures::totalYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
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
        TouSplit tou = TouSplit.of(s, in.tariffs());
        List<MonthFigures> months = months(in, from, to);
        TouTariff latest = in.tariffs().apply(to);
        int days = s.days();
        double annual = days < 365 || days > 366 ? 365.0 / days : 1.0;

        List<BigDecimal> lastTwelve = months.subList(Math.max(0, months.size() - 12), months.size()).stream()
                .map(MonthFigures::maxDemandKw).toList();
        BasicChargeRules.Comparison modes = in.mode() == BasicChargeMode.NONE || lastTwelve.isEmpty() ? null
                : BasicChargeRules.compare(lastTwelve, in.capacityKva(), latest.basicPrices(), in.mode(),
                        in.declaredKw());

        TransformerLoad transformer = null;
        if (!in.transformers().isEmpty()) {
            double kva = in.transformers().stream().mapToDouble(TransformerSpec::ratedKva).sum();
            double p0 = in.transformers().stream().mapToDouble(TransformerSpec::noLoadLossKw).sum();
            double pk = in.transformers().stream().mapToDouble(TransformerSpec::loadLossKw).sum();
            double pf = PowerFactor.of(load.energyKwh(), load.reactiveKvarh()).doubleValue();
            transformer = TransformerLoad.of(s, kva, p0, pk, pf, settings);
        }
        double shiftable = tou.peakKwh() * settings.shiftableShare();
        double shiftingSaving = tou.peakPremiumYuan() * settings.shiftableShare();
        Anomalies anomalies = Anomalies.of(s, settings);

        List<Recommendation> recs = new ArrayList<>();
        capacitor(in, months, annual).ifPresent(recs::add);
        if (modes != null && modes.saving().signum() > 0) {
            double saving = modes.saving().doubleValue() * (12.0 / lastTwelve.size());
            recs.add(new Recommendation(Recommendation.Kind.BILLING_MODE, round2(saving), 0, null,
                    "energy.recommendation.billing-mode",
                    List.of(modes.cheapest().name(), modes.bestDeclaredKw(), modes.current().name())));
        }
        if (shiftingSaving > 0) {
            recs.add(new Recommendation(Recommendation.Kind.LOAD_SHIFTING, round2(shiftingSaving * annual), 0, null,
                    "energy.recommendation.load-shifting",
                    List.of(Math.round(settings.shiftableShare() * 100), Math.round(shiftable * annual))));
        }
        HealthScore health = health(in, months, load, tou, modes, transformer, anomalies);
        return new Result(from, to, load, tou, months, modes, transformer, shiftable, shiftingSaving, anomalies,
                health, recs, annual);
    }

    private List<MonthFigures> months(Input in, LocalDate from, LocalDate to) {
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
            BigDecimal basic = in.mode() == BasicChargeMode.NONE ? BigDecimal.ZERO.setScale(2)
                    : BasicChargeRules.charge(in.mode(), in.capacityKva(), pmax,
                            in.declaredKw() == null ? BigDecimal.ZERO : in.declaredKw(), tariff.basicPrices());
            if (covered < m.lengthOfMonth()) {
                basic = basic.multiply(BigDecimal.valueOf(covered))
                        .divide(BigDecimal.valueOf(m.lengthOfMonth()), 2, RoundingMode.HALF_UP);
            }
            BigDecimal energy = BigDecimal.valueOf(split.totalYuan()).setScale(2, RoundingMode.HALF_UP);
            Map<PowerFactorStandard, BigDecimal> all = new EnumMap<>(PowerFactorStandard.class);
            for (PowerFactorStandard st : PowerFactorStandard.values()) {
                all.put(st, st.adjustmentPercent(pf));
            }
            out.add(new MonthFigures(m, covered, lm.energyKwh(), lm.reactiveKvarh(), lm.present(), lm.expected(), pf,
                    pmax, energy, basic, in.standard().adjustmentPercent(pf),
                    in.standard().adjustment(pf, energy.add(basic)), all, split.kwh()));
        }
        return out;
    }

    /**
     * A fixed capacitor bank large enough that every month reaches the target factor: the month needing most sets
     * Qc = (kvarh − kWh × tan φ_target) / hours, rounded up to 10 kvar. Its saving: each month's adjustment at the
     * factor the month would have had with Qc × hours less reactive energy, against the adjustment it had.
     */
    private java.util.Optional<Recommendation> capacitor(Input in, List<MonthFigures> months, double annual) {
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
            return java.util.Optional.empty();
        }
        BigDecimal kvar = BigDecimal.valueOf(qc).divide(TARGET_GRANULARITY_KVAR, 0, RoundingMode.CEILING)
                .multiply(TARGET_GRANULARITY_KVAR);
        double saving = 0;
        for (MonthFigures m : months) {
            double hours = m.present() * 0.25;
            BigDecimal after = PowerFactor.of(m.kwh(), Math.max(0, m.kvarh() - kvar.doubleValue() * hours));
            saving += m.adjustmentYuan().subtract(in.standard().adjustment(after, m.adjustedBase())).doubleValue();
        }
        if (saving <= 0) {
            return java.util.Optional.empty();
        }
        double investment = kvar.doubleValue() * settings.capacitorYuanPerKvar();
        double yearly = saving * annual;
        return java.util.Optional.of(new Recommendation(Recommendation.Kind.CAPACITOR, round2(yearly), investment,
                round2(investment / yearly), "energy.recommendation.capacitor", List.of(kvar.intValue(), target)));
    }

    private HealthScore health(Input in, List<MonthFigures> months, LoadMetrics load, TouSplit tou,
                               BasicChargeRules.Comparison modes, TransformerLoad transformer, Anomalies anomalies) {
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
        if (transformer != null) {
            int score = switch (transformer.averageBand()) {
                case ECONOMIC -> 100;
                case HEAVY -> 70;
                case LIGHT -> 60;
                case OVERLOAD -> 20;
            };
            parts.add(new HealthScore.Component("TRANSFORMER", score, 20, "energy.health.transformer",
                    List.of(round2(transformer.averageLoadRate()), transformer.averageBand().name())));
        }
        if (modes != null && modes.currentTotal().signum() > 0) {
            double share = modes.saving().doubleValue() / modes.currentTotal().doubleValue();
            parts.add(new HealthScore.Component("BASIC_CHARGE", HealthScore.clamp(100 - 200 * share), 15,
                    "energy.health.basic-charge", List.of(modes.saving(), modes.cheapest().name())));
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

    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
