package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.TimeSettings;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the plan screens show and read them: local time in China. */
final class PlanFormats {

    static final ZoneId ZONE = TimeSettings.companyZone();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PlanFormats() {
    }

    static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ZONE).format(TIME);
    }

    static String period(OffsetDateTime from, OffsetDateTime to) {
        return time(from) + " — " + time(to);
    }

    static OffsetDateTime offset(LocalDateTime t) {
        return t == null ? null : t.atZone(ZONE).toOffsetDateTime();
    }
}
