package cn.keyaccount.servicerequest.repair;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Times as the crew and the messages write them: local, to the minute. */
final class RepairFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RepairFormats() {
    }

    static String time(OffsetDateTime at, Clock clock) {
        return TIME.format(at.atZoneSameInstant(clock.getZone()));
    }
}
