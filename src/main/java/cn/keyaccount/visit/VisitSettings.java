package cn.keyaccount.visit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Visit planning settings (keyaccount.visit.*). */
@ConfigMapping(prefix = "keyaccount.visit")
public interface VisitSettings {

    /** How many days ahead the planner keeps a schedule (the rolling window). */
    @WithDefault("90")
    int horizonDays();

    /** The most visits the planner puts on one manager's working day. */
    @WithDefault("4")
    int maxPerDay();

    /** Start times of the day's visits, in order: the n-th visit of a day starts at the n-th time. */
    @WithDefault("09:00,10:30,14:30,16:00")
    List<LocalTime> slotTimes();

    /** How long a visit takes in the calendar feed. */
    @WithDefault("60")
    int visitMinutes();


    /**
     * Deprecated: the working-day calendar file is {@code keyaccount.calendar.file} ({@code KEYACCOUNT_CALENDAR}),
     * read by {@code base/calendar/WorkCalendarSource}, which still reads this old name (with a deprecation line in the
     * log) when the new one is unset. Declared here only so that the old name stays a valid setting.
     */
    @Deprecated
    Optional<String> calendarFile();
}
