package cn.keyaccount.report;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.energy.BasicChargeRules;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.IntervalSeries;
import cn.keyaccount.energy.MonthFigures;
import cn.keyaccount.energy.Recommendation;
import cn.keyaccount.energy.TouPeriod;
import cn.keyaccount.energy.TransformerLoad;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** What the recommendations would save a year, in yuan: the sum of their amounts. */
    BigDecimal annualSaving() {
        return Recommendation.annualSaving(analysis.recommendations());
    }

    /** Each month's energy in whole kWh, adding up to the period's (the summary's figure and the months' sum). */
    Map<YearMonth, Long> monthKwh() {
        return analysis.wholeByMonth(MonthFigures::kwh);
    }

    /** A transformer's row name: its own, or the total's. */
    String transformerName(TransformerLoad t) {
        return t.basis() == TransformerLoad.Basis.CUSTOMER_TOTAL ? t("report.transformer-total") : t.name();
    }

    /** Where a transformer's load comes from, in words ("shared by rating"), or that nothing measures it. */
    String basis(TransformerLoad t) {
        return t.measured() ? t("report.basis." + t.basis().name()) : t("report.no-readings");
    }

    /** The note under the transformer table: how unmetered transformers were loaded, and what the total is. */
    String transformerNote() {
        return t(analysis.transformers().stream().anyMatch(x -> x.basis() == TransformerLoad.Basis.SHARED_BY_RATING)
                ? "report.transformer-shared-note" : "report.transformer-metered-note");
    }

    /** An explained text of the analysis (recommendation, health component) with enum arguments in words. */
    String explain(String key, List<Object> args) {
        return t(key, args.stream().map(a -> a instanceof String s && s.matches("[A-Z_]+") ? word(s) : a).toArray());
    }

    /** A way of billing the basic charge by its name: the mode, with the contract demand it is billed on. */
    String optionName(BasicChargeRules.Option o) {
        return t(o.nameKey(), o.nameArgs().toArray());
    }

    /** What a way of billing the basic charge is computed from, in words: capacity, monthly demand, declared demand. */
    String optionInputs(BasicChargeRules.Option o) {
        return t(o.inputsKey(), o.inputsArgs().toArray());
    }

    /** A billing mode or a load band in words; any other name (a transformer's) as it is. */
    String word(String name) {
        String mode = t("customer.basic-charge-mode." + name);
        String band = t("report.band." + name);
        return !mode.startsWith("!") ? mode : !band.startsWith("!") ? band : name;
    }
}
