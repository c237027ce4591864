package cn.keyaccount.outage;

import cn.keyaccount.base.TimeSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** The warning rules as plain values, read once from {@link OutageSettings}; tests build their own. */
public record WarningRules(ZoneId zone, Duration regulationLead, Duration commitmentLead, Duration temporaryLead,
                           LocalTime workdayStart, LocalTime workdayEnd, boolean reminderEnabled,
                           int reminderDaysBefore, LocalTime reminderAt) {

    public static WarningRules of(OutageSettings s) {
        return new WarningRules(s.zone(), s.regulationLead(), s.commitmentLead(), s.temporaryLead(),
                s.workdayStart(), s.workdayEnd(), s.reminder().enabled(), s.reminder().daysBefore(),
                s.reminder().at());
    }

    /** The defaults of {@link OutageSettings}. */
    public static WarningRules defaults() {
        return new WarningRules(TimeSettings.companyZone(), Duration.ofDays(7), Duration.ofDays(5),
                Duration.ofHours(24), LocalTime.of(8, 30), LocalTime.of(17, 30), true, 1, LocalTime.of(16, 0));
    }
}
