package cn.keyaccount.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.Importance;
import cn.keyaccount.base.calendar.WorkCalendar;
import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The warning rules at their exact boundaries, in Asia/Shanghai time (+08:00), without a database. */
class OutageNoticePlannerTest {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    /** Monday 2026-10-12 09:00 in Shanghai: a working day after the National Day holidays. */
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 10, 12, 9, 0, 0, 0, SHANGHAI);

    private final OutageNoticePlanner planner = new OutageNoticePlanner(WarningRules.defaults(), calendar());

    private static WorkCalendar calendar() {
        try {
            return WorkCalendar.parse(new StringReader("""
                    # covers: 2026
                    2026-10-01,holiday,国庆节
                    2026-10-02,holiday,国庆节
                    2026-10-05,holiday,国庆节
                    2026-10-06,holiday,国庆节
                    2026-10-07,holiday,国庆节
                    2026-10-10,workday,国庆节调休
                    """));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private WarningClass planned(OffsetDateTime now) {
        return planner.firstWarning(OutageKind.PLANNED, START, Importance.FIRST, now).warningClass();
    }

    @Test
    void a_planned_warning_exactly_seven_days_ahead_is_on_time_and_one_millisecond_less_is_below_the_regulation() {
        OffsetDateTime sevenDays = OffsetDateTime.of(2026, 10, 5, 9, 0, 0, 0, SHANGHAI);
        assertEquals(WarningClass.ON_TIME, planned(sevenDays));
        assertEquals(WarningClass.BELOW_REGULATION, planned(sevenDays.plusNanos(1_000_000)));
    }

    @Test
    void exactly_five_days_ahead_is_below_the_regulation_and_one_millisecond_less_is_late() {
        OffsetDateTime fiveDays = OffsetDateTime.of(2026, 10, 7, 9, 0, 0, 0, SHANGHAI);
        assertEquals(WarningClass.BELOW_REGULATION, planned(fiveDays));
        assertEquals(WarningClass.LATE, planned(fiveDays.plusNanos(1_000_000)));
        assertTrue(planner.firstWarning(OutageKind.PLANNED, START, null, fiveDays.plusNanos(1_000_000)).late());
    }

    @Test
    void the_boundaries_are_read_in_shanghai_time_whatever_offset_the_clock_gives() {
        OffsetDateTime sevenDaysInUtc = OffsetDateTime.of(2026, 10, 5, 1, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(WarningClass.ON_TIME, planned(sevenDaysInUtc));
        assertEquals(WarningClass.BELOW_REGULATION, planned(sevenDaysInUtc.plusSeconds(1)));
    }

    @Test
    void an_early_registration_is_warned_seven_days_ahead_moved_back_into_working_hours_of_a_working_day() {
        OffsetDateTime early = OffsetDateTime.of(2026, 9, 1, 10, 0, 0, 0, SHANGHAI);
        // 7 days before Monday 09:00 is Monday 10-05 09:00, a National Day holiday: back to the last working day
        // before it, Wednesday 09-30, at the close of work
        OutageNoticePlanner.FirstWarning w = planner.firstWarning(OutageKind.PLANNED, START, null, early);
        assertEquals(OffsetDateTime.of(2026, 9, 30, 17, 30, 0, 0, SHANGHAI), w.at());
        assertEquals(WarningClass.ON_TIME, w.warningClass());

        OffsetDateTime thursdayStart = OffsetDateTime.of(2026, 11, 19, 7, 0, 0, 0, SHANGHAI);
        assertEquals(OffsetDateTime.of(2026, 11, 11, 17, 30, 0, 0, SHANGHAI),
                planner.firstWarning(OutageKind.PLANNED, thursdayStart, null, early).at(),
                "before the opening hour: the previous working day's close");
        OffsetDateTime afternoon = OffsetDateTime.of(2026, 11, 19, 14, 0, 0, 0, SHANGHAI);
        assertEquals(OffsetDateTime.of(2026, 11, 12, 14, 0, 0, 0, SHANGHAI),
                planner.firstWarning(OutageKind.PLANNED, afternoon, null, early).at(), "inside working hours: as is");
    }

    @Test
    void a_registration_after_the_working_moment_but_seven_days_ahead_is_warned_at_once_and_on_time() {
        // a Sunday outage: 7 days before is a Sunday, the working moment is Friday's close, which has passed on
        // Saturday evening, 7 days and 15 hours before the start
        OffsetDateTime saturday = OffsetDateTime.of(2026, 11, 14, 19, 0, 0, 0, SHANGHAI);
        OffsetDateTime sunday = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 0, SHANGHAI);
        OutageNoticePlanner.FirstWarning w = planner.firstWarning(OutageKind.PLANNED, sunday, null, saturday);
        assertEquals(saturday, w.at());
        assertEquals(WarningClass.ON_TIME, w.warningClass());
    }

    @Test
    void temporary_outages_owe_important_customers_24_hours_and_are_warned_at_once() {
        OffsetDateTime dayBefore = START.minusHours(24);
        OutageNoticePlanner.FirstWarning w = planner.firstWarning(OutageKind.TEMPORARY, START, Importance.SECOND,
                dayBefore);
        assertEquals(dayBefore, w.at());
        assertEquals(WarningClass.ON_TIME, w.warningClass());
        OffsetDateTime lateBy1s = dayBefore.plusSeconds(1);
        assertEquals(WarningClass.LATE, planner.firstWarning(OutageKind.TEMPORARY, START, Importance.SPECIAL,
                lateBy1s).warningClass());
        assertEquals(WarningClass.AT_ONCE, planner.firstWarning(OutageKind.TEMPORARY, START, Importance.NORMAL,
                lateBy1s).warningClass(), "no lead is owed to an ordinary customer");
    }

    @Test
    void a_fault_is_warned_at_once_and_gets_no_reminder() {
        OffsetDateTime now = START.plusMinutes(5);
        OutageNoticePlanner.FirstWarning w = planner.firstWarning(OutageKind.FAULT, START, Importance.FIRST, now);
        assertEquals(now, w.at());
        assertEquals(WarningClass.AT_ONCE, w.warningClass());
        assertTrue(planner.reminder(OutageKind.FAULT, START.plusHours(1), now, now).isEmpty());
    }

    @Test
    void the_reminder_goes_out_the_day_before_at_four_unless_that_has_passed() {
        OffsetDateTime early = OffsetDateTime.of(2026, 9, 1, 10, 0, 0, 0, SHANGHAI);
        assertEquals(OffsetDateTime.of(2026, 10, 11, 16, 0, 0, 0, SHANGHAI),
                planner.reminder(OutageKind.PLANNED, START, early, early).orElseThrow());
        OffsetDateTime sundayEvening = OffsetDateTime.of(2026, 10, 11, 18, 0, 0, 0, SHANGHAI);
        assertTrue(planner.reminder(OutageKind.PLANNED, START, sundayEvening, sundayEvening).isEmpty());
        WarningRules off = new WarningRules(WarningRules.defaults().zone(), WarningRules.defaults().regulationLead(),
                WarningRules.defaults().commitmentLead(), WarningRules.defaults().temporaryLead(),
                WarningRules.defaults().workdayStart(), WarningRules.defaults().workdayEnd(), false, 1,
                WarningRules.defaults().reminderAt());
        assertTrue(new OutageNoticePlanner(off, calendar()).reminder(OutageKind.PLANNED, START, early, early)
                .isEmpty(), "switched off");
    }
}
