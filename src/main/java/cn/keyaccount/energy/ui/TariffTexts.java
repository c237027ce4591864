package cn.keyaccount.energy.ui;

import cn.keyaccount.energy.TouPeriod;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tariff season's bands as people read and write them. The service stores them with the period's code
 * ("23:00-07:00 VALLEY; 10:00-13:00 PEAK"); the list shows the period's name in the user's language
 * ("23:00-07:00 谷" / "23:00-07:00 Valley"), and the form writes the words its parser takes: 谷 in Chinese,
 * "valley" / "critical-peak" in English (TariffService.band reads both).
 */
final class TariffTexts {

    private static final Pattern CODE = Pattern.compile("\\b(CRITICAL_PEAK|PEAK|FLAT|DEEP_VALLEY|VALLEY)\\b");
    private static final Map<TouPeriod, String> CHINESE = Map.of(TouPeriod.CRITICAL_PEAK, "尖峰", TouPeriod.PEAK, "峰",
            TouPeriod.FLAT, "平", TouPeriod.VALLEY, "谷", TouPeriod.DEEP_VALLEY, "深谷");

    private TariffTexts() {
    }

    /** For reading: each period by its translated name (energy.period.*). */
    static String shown(String bands, Function<String, String> translate) {
        return replace(bands, p -> translate.apply("energy.period." + p.name()));
    }

    /** For editing: each period as a word the parser takes, in the form's language. */
    static String editable(String bands, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return replace(bands, p -> english ? p.name().toLowerCase(Locale.ROOT).replace('_', '-') : CHINESE.get(p));
    }

    private static String replace(String bands, Function<TouPeriod, String> word) {
        if (bands == null) {
            return "";
        }
        Matcher m = CODE.matcher(bands);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(word.apply(TouPeriod.valueOf(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }
}
