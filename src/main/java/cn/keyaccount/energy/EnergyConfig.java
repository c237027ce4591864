package cn.keyaccount.energy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the energy analysis ({@code keyaccount.energy.*}); see AnalysisSettings for their meaning. */
@ConfigMapping(prefix = "keyaccount.energy")
public interface EnergyConfig {

    /** The tariff province of customers without an energy profile. */
    @WithDefault("北京")
    String defaultProvince();

    @WithDefault("1-10kV")
    String defaultVoltageClass();

    @WithDefault("150")
    double capacitorYuanPerKvar();

    @WithDefault("0.95")
    double targetPowerFactor();

    @WithDefault("0.15")
    double shiftableShare();

    @WithDefault("3.0")
    double spikeFactor();

    @WithDefault("16")
    int flatRunIntervals();

    @WithDefault("0.6")
    double nightBaseLoadLimit();

    @WithDefault("0.30")
    double lightLoadBelow();

    @WithDefault("0.70")
    double heavyLoadFrom();

    @WithDefault("1.00")
    double overloadAbove();

    default AnalysisSettings settings() {
        return new AnalysisSettings(capacitorYuanPerKvar(), targetPowerFactor(), shiftableShare(), spikeFactor(),
                flatRunIntervals(), nightBaseLoadLimit(), lightLoadBelow(), heavyLoadFrom(), overloadAbove());
    }
}
