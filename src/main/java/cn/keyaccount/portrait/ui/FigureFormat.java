package cn.keyaccount.portrait.ui;

import cn.keyaccount.portrait.Figure;
import java.text.NumberFormat;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** How a figure reads: shares as percentages, ratios with one decimal, the power factor with two, kWh whole. */
final class FigureFormat {

    /** The figures the radar compares with peers: load behaviour, not size. */
    static final Set<Figure> RADAR = EnumSet.of(Figure.LOAD_FACTOR, Figure.PEAK_VALLEY_RATIO, Figure.POWER_FACTOR,
            Figure.NIGHT_BASE, Figure.DAYTIME_SHARE, Figure.MAX_DEMAND_SHARE, Figure.GROWTH_RATE);

    private FigureFormat() {
    }

    static String value(Figure figure, double v, Locale locale) {
        return switch (figure) {
            case LOAD_FACTOR, NIGHT_BASE, DAYTIME_SHARE, MAX_DEMAND_SHARE, CONSUMPTION_TREND, GROWTH_RATE -> {
                NumberFormat f = NumberFormat.getPercentInstance(locale);
                f.setMaximumFractionDigits(1);
                yield f.format(v);
            }
            case PEAK_VALLEY_RATIO -> String.format(locale, "%.1f", v);
            case POWER_FACTOR -> String.format(locale, "%.2f", v);
            case ANNUAL_KWH -> NumberFormat.getIntegerInstance(locale).format(Math.round(v));
        };
    }
}
