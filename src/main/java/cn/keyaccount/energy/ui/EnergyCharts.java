package cn.keyaccount.energy.ui;

import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.LoadCurve;
import cn.keyaccount.energy.MonthFigures;
import cn.keyaccount.energy.TouPeriod;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the ECharts options of the energy dashboard from an analysis (and optionally the same period a year
 * earlier): load curve, typical and maximum-demand day, TOU split, monthly trend, power factor. Pure: no Vaadin.
 */
final class EnergyCharts {

    private static final DateTimeFormatter POINT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<TouPeriod, String> COLOURS = Map.of(TouPeriod.CRITICAL_PEAK, "#b71c1c",
            TouPeriod.PEAK, "#ef6c00", TouPeriod.FLAT, "#1e88e5", TouPeriod.VALLEY, "#43a047",
            TouPeriod.DEEP_VALLEY, "#1b5e20");

    /** How a partial month's bars are drawn: lighter than a whole month's. */
    static final double PARTIAL_OPACITY = 0.4;

    private final Function<String, String> text;

    /** @param text translates a message key */
    EnergyCharts(Function<String, String> text) {
        this.text = text;
    }

    Map<String, Object> loadCurve(LoadCurve curve, LoadCurve lastYear) {
        List<String> x = new ArrayList<>(curve.kw().length);
        for (int p = 0; p < curve.kw().length; p++) {
            x.add(curve.at(p).plusMinutes(curve.minutesPerPoint()).format(POINT));
        }
        List<Object> series = new ArrayList<>();
        series.add(line(text.apply("energy.chart.load-kw"), values(curve.kw()), false));
        if (lastYear != null) {
            series.add(line(text.apply("energy.last-year"), values(lastYear.kw()), true));
        }
        Map<String, Object> o = base(text.apply("energy.chart.load-curve"), x, "kW");
        o.put("series", series);
        o.put("dataZoom", List.of(Map.of("type", "inside"), Map.of("type", "slider", "height", 18)));
        return o;
    }

    Map<String, Object> typicalDay(EnergyAnalyzer.Result r, EnergyAnalyzer.Result lastYear) {
        List<String> x = new ArrayList<>(96);
        for (int k = 1; k <= 96; k++) {
            x.add(String.format("%02d:%02d", k / 4, k % 4 * 15));
        }
        List<Object> series = new ArrayList<>();
        series.add(line(text.apply("energy.chart.typical-day"), values(r.load().typicalDayKw()), false));
        if (r.load().maxDemandDay() != null) {
            series.add(line(text.apply("energy.chart.max-demand-day") + " " + r.load().maxDemandDay(),
                    values(r.load().maxDemandDayKw()), false));
        }
        if (lastYear != null) {
            series.add(line(text.apply("energy.chart.typical-day") + " (" + text.apply("energy.last-year") + ")",
                    values(lastYear.load().typicalDayKw()), true));
        }
        Map<String, Object> o = base(text.apply("energy.chart.days"), x, "kW");
        o.put("series", series);
        return o;
    }

    Map<String, Object> touSplit(EnergyAnalyzer.Result r) {
        List<Object> data = new ArrayList<>();
        for (TouPeriod p : TouPeriod.values()) {
            double kwh = r.tou().kwh().get(p);
            if (kwh > 0) {
                data.add(Map.of("name", text.apply("energy.period." + p.name()), "value", Math.round(kwh),
                        "itemStyle", Map.of("color", COLOURS.get(p))));
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", text.apply("energy.tou"), "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "item", "formatter", "{b}: {c} kWh ({d}%)"));
        o.put("legend", Map.of("bottom", 0));
        o.put("series", List.of(Map.of("type", "pie", "radius", List.of("35%", "65%"), "data", data,
                "label", Map.of("formatter", "{b} {d}%"))));
        return o;
    }

    /**
     * Energy by TOU period a month, the charge, and last year's energy. A partial month (fewer days of readings than
     * it has) is drawn lighter and starred on the axis, with the note as the chart's subtitle; last year's months
     * without readings are left out of its line rather than drawn as zero.
     */
    Map<String, Object> monthlyTrend(EnergyAnalyzer.Result r, EnergyAnalyzer.Result lastYear) {
        List<String> x = r.months().stream().map(m -> m.month() + (m.partial() ? "*" : "")).toList();
        List<Object> series = new ArrayList<>();
        for (TouPeriod p : TouPeriod.values()) {
            if (r.tou().kwh().get(p) > 0) {
                List<Object> kwh = r.months().stream().<Object>map(m -> m.partial()
                        ? Map.of("value", Math.round(m.touKwh().get(p)), "itemStyle",
                                Map.of("color", COLOURS.get(p), "opacity", PARTIAL_OPACITY))
                        : Math.round(m.touKwh().get(p))).toList();
                series.add(Map.of("name", text.apply("energy.period." + p.name()), "type", "bar", "stack", "kwh",
                        "data", kwh, "itemStyle", Map.of("color", COLOURS.get(p))));
            }
        }
        if (lastYear != null) {
            List<Object> before = lastYear.months().stream().<Object>map(m -> m.daysWithData() == 0 ? null
                    : Math.round(m.kwh())).toList();
            series.add(line(text.apply("energy.last-year") + " kWh", before, true));
        }
        series.add(Map.of("name", text.apply("energy.chart.charge-yuan"), "type", "line", "yAxisIndex", 1,
                "data", r.months().stream().<Object>map(MonthFigures::totalYuan).toList()));
        Map<String, Object> o = base(text.apply("energy.chart.monthly"), x, "kWh");
        if (r.months().stream().anyMatch(MonthFigures::partial)) {
            o.put("title", Map.of("text", text.apply("energy.chart.monthly"), "textStyle", Map.of("fontSize", 14),
                    "subtext", text.apply("energy.chart.partial-legend"), "subtextStyle", Map.of("fontSize", 11)));
            o.put("grid", Map.of("left", 56, "right", 56, "top", 64, "bottom", 48));
        }
        o.put("yAxis", List.of(Map.of("type", "value", "name", "kWh"),
                Map.of("type", "value", "name", text.apply("energy.chart.yuan-axis"), "splitLine",
                        Map.of("show", false))));
        o.put("series", series);
        return o;
    }

    Map<String, Object> powerFactor(EnergyAnalyzer.Result r, EnergyAnalyzer.Result lastYear, BigDecimal standard,
                                    double target) {
        List<String> x = r.months().stream().map(m -> m.month().toString()).toList();
        List<Object> series = new ArrayList<>();
        Map<String, Object> now = line(text.apply("energy.power-factor"),
                r.months().stream().<Object>map(m -> m.present() == 0 ? null : m.powerFactor()).toList(), false);
        now.put("markLine", Map.of("symbol", "none", "data", List.of(
                Map.of("yAxis", standard, "name", text.apply("energy.chart.pf-standard"),
                        "label", Map.of("formatter", text.apply("energy.chart.pf-standard") + " {c}")),
                Map.of("yAxis", target, "name", text.apply("energy.chart.pf-target"),
                        "lineStyle", Map.of("type", "dotted"),
                        "label", Map.of("formatter", text.apply("energy.chart.pf-target") + " {c}")))));
        series.add(now);
        if (lastYear != null) {
            series.add(line(text.apply("energy.last-year"), lastYear.months().stream()
                    .<Object>map(m -> m.present() == 0 ? null : m.powerFactor()).toList(), true));
        }
        Map<String, Object> o = base(text.apply("energy.chart.power-factor"), x, "cos φ");
        o.put("yAxis", Map.of("type", "value", "name", "cos φ", "min", 0.6, "max", 1));
        o.put("series", series);
        return o;
    }

    private static Map<String, Object> base(String title, List<String> x, String unit) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("top", 0, "right", 0));
        o.put("grid", Map.of("left", 56, "right", 56, "top", 48, "bottom", 48));
        o.put("xAxis", Map.of("type", "category", "data", x));
        o.put("yAxis", Map.of("type", "value", "name", unit));
        return o;
    }

    private static Map<String, Object> line(String name, List<Object> data, boolean dashed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("showSymbol", false);
        s.put("connectNulls", false);
        s.put("data", data);
        if (dashed) {
            s.put("lineStyle", Map.of("type", "dashed"));
        }
        return s;
    }

    /** kW rounded to 0.1, null for missing (a gap in the line). */
    static List<Object> values(double[] kw) {
        List<Object> out = new ArrayList<>(kw.length);
        for (double v : kw) {
            out.add(Double.isNaN(v) ? null : Math.round(v * 10) / 10.0);
        }
        return out;
    }
}
