package cn.keyaccount.portrait.ui;

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
