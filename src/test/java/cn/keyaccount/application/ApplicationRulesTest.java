package cn.keyaccount.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.application.ApplicationClock.Reading;
import cn.keyaccount.application.ApplicationClock.Span;
import cn.keyaccount.application.ApplicationClock.Stop;
import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.customer.SupplyMode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits file and the clock, without a database. */
class ApplicationRulesTest {

    private static final WorkCalendar CALENDAR = WorkCalendarSource.bundled();
    private static final String HEADER = "# version: t1\n# valid-from: 2024-06-01\n";
    private static final String ALL = "*,*,*,acceptance,1,a\n*,*,*,scheme-reply,15,b\n*,high,*,external-works,40,c\n"
            + "*,*,*,power-on,5,d\n*,*,*,change,5,e\n";

    @Test
    void the_shipped_limits_file_is_complete_and_names_its_version() throws IOException {
        ApplicationLimits limits = shipped();
        assertEquals("2026-1", limits.version());
        assertEquals(LocalDate.of(2024, 6, 1), limits.validFrom());
        assertEquals(15, limits.limit(ApplicationKind.CAPACITY_INCREASE, VoltageClass.HIGH, SupplyMode.SINGLE,
                ApplicationStep.SCHEME_REPLY).workingDays());
        assertEquals(30, limits.limit(ApplicationKind.NEW_CONNECTION, VoltageClass.HIGH, SupplyMode.DUAL,
                ApplicationStep.SCHEME_REPLY).workingDays());
        assertEquals(7, limits.limit(ApplicationKind.NEW_CONNECTION, VoltageClass.LOW, SupplyMode.SINGLE,
                ApplicationStep.SCHEME_REPLY).workingDays());
    }

    @Test
    void the_most_specific_line_wins() throws IOException {
        ApplicationLimits limits = ApplicationLimits.parse(new StringReader(HEADER + ALL
                + "capacity-increase,high,dual,scheme-reply,20,special\n"));
        assertEquals(20, limits.limit(ApplicationKind.CAPACITY_INCREASE, VoltageClass.HIGH, SupplyMode.DUAL,
                ApplicationStep.SCHEME_REPLY).workingDays());
        assertEquals(15, limits.limit(ApplicationKind.NEW_CONNECTION, VoltageClass.HIGH, SupplyMode.DUAL,
                ApplicationStep.SCHEME_REPLY).workingDays());
    }

    @Test
    void a_negative_limit_is_refused_with_its_line() {
        IOException e = assertThrows(IOException.class, () -> ApplicationLimits.parse(new StringReader(HEADER + ALL
                + "closure,*,*,change,-2,x\n")));
        assertTrue(e.getMessage().contains("line 8") && e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void a_file_without_a_version_or_with_a_step_left_out_is_refused() {
        assertThrows(IOException.class, () -> ApplicationLimits.parse(new StringReader(
                "# valid-from: 2024-06-01\n" + ALL)));
        IOException e = assertThrows(IOException.class, () -> ApplicationLimits.parse(new StringReader(HEADER
                + ALL.replace("*,high,*,external-works,40,c\n", ""))));
        assertTrue(e.getMessage().contains("external-works"), e.getMessage());
    }

    @Test
    void steps_follow_voltage_and_kind() {
        assertEquals(4, ApplicationKind.NEW_CONNECTION.steps(VoltageClass.HIGH).size());
        assertEquals(List.of(ApplicationStep.ACCEPTANCE, ApplicationStep.SCHEME_REPLY, ApplicationStep.POWER_ON),
                ApplicationKind.CAPACITY_INCREASE.steps(VoltageClass.LOW));
        assertEquals(List.of(ApplicationStep.ACCEPTANCE, ApplicationStep.CHANGE),
                ApplicationKind.SUSPENSION.steps(VoltageClass.HIGH));
        assertEquals(ApplicationKind.BILLING_CHANGE, ApplicationKind.fromSlug("billing-change"));
        assertNull(ApplicationKind.fromSlug("nonsense"));
    }

    @Test
    void the_clock_counts_working_days_after_the_start_and_skips_the_national_day_week() {
        // accepted Wed 2026-09-30; 10-01..10-07 are holidays and 10-10 (Sat) a working day in the 2026 calendar
        Span span = new Span(ApplicationStep.SCHEME_REPLY, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12), 15);
        Reading r = ApplicationClock.read(List.of(span), List.of(), CALENDAR, LocalDate.of(2026, 10, 20));
        int expected = 0;
        for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 12)); d = d.plusDays(1)) {
            expected += CALENDAR.isWorkday(d) ? 1 : 0;
        }
        assertEquals(expected, r.usedDays());
        assertTrue(expected < 12, "holidays are not counted: " + expected);
        assertFalse(r.overdue());
    }

    @Test
    void a_stop_takes_its_days_out_and_every_stop_counts() {
        // Mon 2026-06-01 .. Fri 2026-06-12: 9 working days after the start
        Span span = new Span(ApplicationStep.SCHEME_REPLY, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 12), 5);
        Reading none = ApplicationClock.read(List.of(span), List.of(), CALENDAR, LocalDate.of(2026, 6, 12));
        assertEquals(9, none.usedDays());
        assertTrue(none.overdue());
        Reading stopped = ApplicationClock.read(List.of(span), List.of(
                new Stop(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 4)),
                new Stop(LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 10))), CALENDAR, LocalDate.of(2026, 6, 12));
        assertEquals(5, stopped.usedDays(), "06-03, 06-04, 06-09, 06-10 are out");
        assertFalse(stopped.overdue(), "5 days used of a limit of 5");
    }

    @Test
    void an_open_stop_stops_the_clock_and_the_due_date() {
        Span open = new Span(ApplicationStep.POWER_ON, LocalDate.of(2026, 6, 1), null, 5);
        Reading r = ApplicationClock.read(List.of(open), List.of(new Stop(LocalDate.of(2026, 6, 3), null)),
                CALENDAR, LocalDate.of(2026, 6, 12));
        assertEquals(2, r.usedDays());
        assertTrue(r.stopped());
        assertNull(r.current().dueOn());
        Reading running = ApplicationClock.read(List.of(open), List.of(), CALENDAR, LocalDate.of(2026, 6, 2));
        assertEquals(1, running.usedDays());
        assertEquals(LocalDate.of(2026, 6, 8), running.current().dueOn(), "4 working days after Tue 06-02");
    }

    private static ApplicationLimits shipped() throws IOException {
        try (var in = ApplicationRulesTest.class.getClassLoader()
                .getResourceAsStream("scheduler/application-limits.csv")) {
            return ApplicationLimits.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
