package cn.keyaccount.outage.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.outage.WarningClass;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small shared pieces of the outage screens: times in Asia/Shanghai, class badges, how refusals are shown. */
final class OutageUi {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
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

    static void error(BusinessException e) {
        String text = t(e.key(), e.args());
        if (!e.fieldErrors().isEmpty()) {
            text += " " + String.join(" ", e.fieldErrors().stream().map(f -> t(f.key(), f.args())).toList());
        }
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
