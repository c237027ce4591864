package cn.keyaccount.portrait;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The built-in tags, each a rule over a customer's figures with its reason in numbers. The thresholds are settings
 * ({@code keyaccount.portrait.tags.*}). Adding a tag is a method here (or, for another feature's data, a
 * {@link TagSource}), a label and a reason in the portrait bundle. Pure.
 */
public final class TagRules {

    /**
     * @param growth             growth rate from which a customer is GROWING
     * @param steadyLoadFactor   load factor from which the load is STEADY_LOAD
     * @param peakyRatio         peak–valley ratio from which the load is PEAKY_LOAD
     * @param nightBase          night base (× mean) from which a non-steady load has a NIGHT_BASE_LOAD
     * @param fallingTrend       consumption trend at or under which consumption is FALLING (possible move or closure)
     * @param capacityHigh       demand share of capacity a month must reach for CAPACITY_INCREASE (增容)…
     * @param capacityHighMonths …in at least this many of the last six months
     * @param capacityLow        demand share every one of the last months stays under for CAPACITY_REDUCTION (减容/暂停)
     * @param capacitorMonths    months of the last six under the power-factor standard for CAPACITOR
     * @param solarDaytimeShare  daytime share from which (with peaky load) SOLAR_STORAGE is suggested
     * @param shiftingRatio      peak–valley ratio from which (with a low night) LOAD_SHIFTING is suggested
     */
    public record Settings(double growth, double steadyLoadFactor, double peakyRatio, double nightBase,
                           double fallingTrend, double capacityHigh, int capacityHighMonths, double capacityLow,
                           int capacitorMonths, double solarDaytimeShare, double shiftingRatio) {
        public static final Settings DEFAULTS = new Settings(0.10, 0.6, 3.0, 0.5, 0.7, 0.8, 3, 0.3, 2, 0.5, 2.5);
    }

    private final Settings settings;

    public TagRules(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param tierA              whether the customer is of tier A
     * @param powerFactorStandard the customer's assessment standard (0.90, 0.85, 0.80)
     */
    public List<PortraitTag> tags(CustomerFigures f, boolean tierA, double powerFactorStandard) {
        List<PortraitTag> tags = new ArrayList<>();
        if (tierA) {
            tags.add(tag("KEY_ACCOUNT", TagCategory.VALUE, f.get(Figure.ANNUAL_KWH)));
        }
        Double growth = f.get(Figure.GROWTH_RATE);
        if (growth != null && growth >= settings.growth()) {
            tags.add(tag("GROWING", TagCategory.VALUE, growth));
        }
        Double lf = f.get(Figure.LOAD_FACTOR);
        boolean steady = lf != null && lf >= settings.steadyLoadFactor();
        if (steady) {
            tags.add(tag("STEADY_LOAD", TagCategory.BEHAVIOUR, lf));
        }
        Double pv = f.get(Figure.PEAK_VALLEY_RATIO);
        if (pv != null && pv >= settings.peakyRatio()) {
            tags.add(tag("PEAKY_LOAD", TagCategory.BEHAVIOUR, pv));
        }
        Double night = f.get(Figure.NIGHT_BASE);
        if (night != null && !steady && night >= settings.nightBase()) {
            tags.add(tag("NIGHT_BASE_LOAD", TagCategory.BEHAVIOUR, night));
        }
        Double pf = f.get(Figure.POWER_FACTOR);
        if (pf != null && pf < powerFactorStandard) {
            tags.add(tag("LOW_POWER_FACTOR", TagCategory.BEHAVIOUR, pf, powerFactorStandard));
        }
        Double trend = f.get(Figure.CONSUMPTION_TREND);
        if (trend != null && trend <= settings.fallingTrend()) {
            tags.add(tag("FALLING_CONSUMPTION", TagCategory.RISK, trend));
        }
        List<CustomerFigures.Month> months = f.months().stream()
                .filter(m -> !Double.isNaN(m.maxDemandShare())).toList();
        if (!months.isEmpty()) {
            long high = months.stream().filter(m -> m.maxDemandShare() >= settings.capacityHigh()).count();
            double top = months.stream().mapToDouble(CustomerFigures.Month::maxDemandShare).max().orElseThrow();
            if (high >= settings.capacityHighMonths()) {
                tags.add(tag("CAPACITY_INCREASE", TagCategory.NEED, top, (double) high, (double) months.size(),
                        settings.capacityHigh()));
            } else if (months.size() >= settings.capacityHighMonths() && top < settings.capacityLow()) {
                tags.add(tag("CAPACITY_REDUCTION", TagCategory.NEED, top, (double) months.size(),
                        settings.capacityLow()));
            }
        }
        List<CustomerFigures.Month> withPf = f.months().stream().filter(m -> !Double.isNaN(m.powerFactor())).toList();
        long below = withPf.stream().filter(m -> m.powerFactor() < powerFactorStandard).count();
        // no month with a power factor says nothing, whatever the setting (0 months would otherwise ask for one)
        OptionalDouble lowestPf = withPf.stream().mapToDouble(CustomerFigures.Month::powerFactor).min();
        if (lowestPf.isPresent() && below >= Math.max(1, settings.capacitorMonths())) {
            double lowest = lowestPf.getAsDouble();
            tags.add(tag("CAPACITOR", TagCategory.NEED, lowest, (double) below, (double) withPf.size(),
                    powerFactorStandard));
        }
        Double daytime = f.get(Figure.DAYTIME_SHARE);
        if (daytime != null && pv != null && daytime >= settings.solarDaytimeShare() && pv >= 2) {
            tags.add(tag("SOLAR_STORAGE", TagCategory.NEED, daytime, pv));
        }
        if (pv != null && night != null && pv >= settings.shiftingRatio() && night < settings.nightBase() * 0.8) {
            tags.add(tag("LOAD_SHIFTING", TagCategory.NEED, pv, night));
        }
        return tags;
    }

    private static PortraitTag tag(String code, TagCategory category, Double... args) {
        return new PortraitTag(code, category, "portrait.tag." + code, "portrait.tag." + code + ".reason",
                List.of(args));
    }
}
