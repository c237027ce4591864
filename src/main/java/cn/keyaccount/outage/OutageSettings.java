package cn.keyaccount.outage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** Outage warning rules ({@code keyaccount.outage.*}). */
@ConfigMapping(prefix = "keyaccount.outage")
public interface OutageSettings {

    /**
     * The zone in which days, working hours and the boundaries are read: the company's zone, {@code keyaccount.zone}.
     * Deprecated as a setting of its own (read with a deprecation line, see {@code base/TimeSettings}); code uses the
     * injected Clock's zone.
     */
    @WithDefault("${keyaccount.zone}")
    ZoneId zone();

    /** Target lead of a planned outage's first warning (《供电监管办法》 Art. 13: 7 days). */
    @WithDefault("P7D")
    Duration regulationLead();

    /** The service commitment's shortest lead (提前5至7天): below it a first warning is late. */
    @WithDefault("P5D")
    Duration commitmentLead();

    /** Lead owed to important customers for a temporary outage. */
    @WithDefault("PT24H")
    Duration temporaryLead();

    /** Start of working hours on working days, when planned first warnings go out. */
    @WithDefault("08:30")
    LocalTime workdayStart();

    @WithDefault("17:30")
    LocalTime workdayEnd();

    /**
     * The language of outage notices (templates {@code outage-*} and the words put into them, such as the effect):
     * {@code zh} or {@code en}.
     */
    @WithDefault("zh")
    String language();

    Reminder reminder();

    /** The reminder before the outage day. */
    interface Reminder {
        @WithDefault("true")
        boolean enabled();

        /** How many days before the start day the reminder goes out (1: the day before). */
        @WithDefault("1")
        int daysBefore();

        /** At what time of that day. */
        @WithDefault("16:00")
        LocalTime at();

        /**
         * How long before it is due the reminder's messages are written by the {@code outage-reminders} job (saving
         * an outage only records when the reminder is due).
         */
        @WithDefault("PT15M")
        Duration fanOutAhead();

        /** How often the {@code outage-reminders} job looks for reminders to write. */
        @WithDefault("60s")
        String checkEvery();
    }
}
