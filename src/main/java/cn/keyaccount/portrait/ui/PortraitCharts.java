package cn.keyaccount.portrait.ui;

import cn.keyaccount.portrait.Figure;
import cn.keyaccount.portrait.PortraitDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options for typical-day curves (96 quarter hours, mean 1), built on the server as the energy tab's are. */
final class PortraitCharts {

    /** A curve to draw: its legend name, its 96 points, dashed or not. */
    record Curve(String name, float[] points, boolean dashed) {
    }

    private static final List<String> TIMES = times();

    private PortraitCharts() {
    }

    static Map<String, Object> curves(String title, String unit, List<Curve> curves) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis"));
        o.put("legend", Map.of("top", 24, "left", 0));
        o.put("grid", Map.of("left", 48, "right", 24, "top", 72, "bottom", 32));
        o.put("xAxis", Map.of("type", "category", "data", TIMES));
        o.put("yAxis", Map.of("type", "value", "name", unit, "min", 0));
        List<Object> series = new ArrayList<>();
        for (Curve c : curves) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", c.name());
            s.put("type", "line");
            s.put("showSymbol", false);
            s.put("data", values(c.points()));
            if (c.dashed()) {
                s.put("lineStyle", Map.of("type", "dashed"));
            }
            series.add(s);
        }
        o.put("series", series);
        return o;
    }

    /**
     * A radar of figures as percentiles among peers (0–100) against the peers' median (50): what {@code
     * <energy-chart>} draws with its radar component.
     */
    static Map<String, Object> radar(String title, String subtitle, List<PortraitDetails.FigureDetails> figures,
                                     java.util.function.Function<Figure, String> label, String customer,
                                     String median) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", title, "subtext", subtitle, "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of());
        o.put("legend", Map.of("bottom", 0));
        List<Object> indicators = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Object> medians = new ArrayList<>();
        for (PortraitDetails.FigureDetails f : figures) {
            indicators.add(Map.of("name", label.apply(f.figure()), "max", 100));
            values.add(Math.round(f.percentile()));
            medians.add(50);
        }
        o.put("radar", Map.of("indicator", indicators, "radius", "60%"));
        o.put("series", List.of(Map.of("type", "radar", "data", List.of(
                Map.of("name", customer, "value", values, "areaStyle", Map.of("opacity", 0.2)),
                Map.of("name", median, "value", medians, "lineStyle", Map.of("type", "dashed"))))));
        return o;
    }

    /** Two decimals: a shape of mean 1 needs no more. */
    static List<Object> values(float[] points) {
        List<Object> out = new ArrayList<>(points.length);
        for (float p : points) {
            out.add(Math.round(p * 100) / 100.0);
        }
        return out;
    }

    /** The end of each quarter hour, as the metering system stamps readings: 00:15 … 24:00. */
    private static List<String> times() {
        List<String> t = new ArrayList<>(96);
        for (int k = 1; k <= 96; k++) {
            t.add(String.format("%02d:%02d", k * 15 / 60, k * 15 % 60));
        }
        return List.copyOf(t);
    }
}
