package cn.keyaccount.outage.ui;

import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.outage.WarningClass;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small shared pieces of the outage screens: times in Asia/Shanghai, class badges. */
final class OutageUi {

    static final ZoneId ZONE = TimeSettings.companyZone();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private OutageUi() {
    }

    static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at.atZoneSameInstant(ZONE));
    }

    static String percent(Double share) {
        return share == null ? "—" : String.format("%.1f %%", share * 100);
    }

    /** A warning class as a badge: green on time, yellow below the regulation, red late. */
    static Span badge(WarningClass c) {
        Span s = new Span(c == null ? t("outage.class.none") : t("outage.class." + c));
        s.getElement().getThemeList().add("badge");
        if (c == WarningClass.ON_TIME) {
            s.getElement().getThemeList().add("success");
        } else if (c == WarningClass.LATE) {
            s.getElement().getThemeList().add("error");
        } else if (c == WarningClass.BELOW_REGULATION) {
            s.getElement().getThemeList().add("warning");
        }
        return s;
    }
}
