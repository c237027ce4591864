package cn.keyaccount.notice.ui;

import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.notice.MessageState;
import com.vaadin.flow.component.html.Span;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How notice values read on screen. */
final class NoticeLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = TimeSettings.companyZone();

    private NoticeLabels() {
    }

    static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.atZoneSameInstant(ZONE));
    }

    /** A state as a coloured badge. */
    static Span state(Span host, MessageState s) {
        Span badge = new Span(host.getTranslation("notice.state." + s.name()));
        badge.getElement().getThemeList().add("badge " + switch (s) {
            case DELIVERED -> "success";
            case FAILED -> "error";
            case EXPIRED -> "contrast";
            case UNCERTAIN -> "warning";
            default -> "";
        });
        return badge;
    }
}
