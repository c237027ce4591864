package cn.keyaccount.report;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.IntervalSeries;
import cn.keyaccount.energy.TouPeriod;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything one report shows: the customer, the analysis of the period (the same {@link EnergyAnalyzer.Result} the
 * dashboard shows, so the figures match), the interval data behind it, and the issue's particulars.
 */
public record ReportContent(CustomerDetails customer, EnergyAnalyzer.Result analysis, IntervalSeries series,
                            String period, int issue, String generatedBy, OffsetDateTime generatedAt,
                            Locale locale) {

    String t(String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    /** The time-of-use periods that hold energy in this period, dearest first. */
    List<TouPeriod> periodsWithEnergy() {
        return Arrays.stream(TouPeriod.values()).filter(p -> analysis.tou().kwh().get(p) > 0).toList();
    }

    /** What the recommendations would save a year, in yuan. */
    double annualSaving() {
        return analysis.recommendations().stream().mapToDouble(r -> r.annualSavingYuan()).sum();
    }

    /** An explained text of the analysis (recommendation, health component) with enum arguments in words. */
    String explain(String key, List<Object> args) {
        return t(key, args.stream().map(a -> a instanceof String s && s.matches("[A-Z_]+") ? word(s) : a).toArray());
    }

    /** A billing mode or a load band in words. */
    String word(String name) {
        String mode = t("customer.basic-charge-mode." + name);
        return mode.startsWith("!") ? t("report.band." + name) : mode;
    }
}
