package cn.keyaccount.application;

import cn.keyaccount.base.calendar.WorkCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The clock of an application, in working days. A step started on day S and completed on day E used the working days
 * after S up to and including E (the day of acceptance is not counted, as in "自受理之日起 N 个工作日"); an open step
 * counts up to today. A stop while the company waits on the customer takes out the working days after its start up
 * to and including its end (an open stop: up to today), so that no day is counted on both sides. Pure: no database,
 * no clock; the caller passes today and the calendar.
 */
public final class ApplicationClock {

    /** A step as it ran: {@code completedOn} null while it is the current step. */
    public record Span(ApplicationStep step, LocalDate startedOn, LocalDate completedOn, int limitDays) {
    }

    /** A stop of the clock: {@code endedOn} null while it lasts. */
    public record Stop(LocalDate startedOn, LocalDate endedOn) {
    }

    /**
     * What the clock says of one step. {@code dueOn}: for the open step, the last working day within the limit if the
     * clock runs on (past when overdue); null for a completed step and while the clock is stopped.
     */
    public record StepReading(ApplicationStep step, boolean open, int usedDays, int limitDays, boolean overdue,
                              LocalDate dueOn) {
    }

    /** What the clock says of the application. */
    public record Reading(List<StepReading> steps, int usedDays, int limitDays, boolean stopped) {

        /** The reading of the current (open) step, or null when all are done. */
        public StepReading current() {
            return steps.stream().filter(StepReading::open).findFirst().orElse(null);
        }

        public boolean overdue() {
            return steps.stream().anyMatch(StepReading::overdue);
        }
    }

    private ApplicationClock() {
    }

    public static Reading read(List<Span> spans, List<Stop> stops, WorkCalendar calendar, LocalDate today) {
        boolean stoppedNow = stops.stream().anyMatch(s -> s.endedOn() == null);
        List<StepReading> readings = new ArrayList<>();
        int used = 0;
        int limit = 0;
        for (Span span : spans) {
            limit += span.limitDays();
            if (span.startedOn() == null) {
                continue;
            }
            LocalDate end = span.completedOn() == null ? today : span.completedOn();
            int stepUsed = workingDays(span.startedOn(), end, stops, calendar, today);
            used += stepUsed;
            LocalDate due = null;
            if (span.completedOn() == null && !stoppedNow) {
                due = dueOn(today, span.limitDays() - stepUsed, calendar);
            }
            readings.add(new StepReading(span.step(), span.completedOn() == null, stepUsed, span.limitDays(), stepUsed > span.limitDays(),
                    due));
        }
        return new Reading(List.copyOf(readings), used, limit, stoppedNow);
    }

    /** The counted working days in (from, to]. */
    static int workingDays(LocalDate from, LocalDate to, List<Stop> stops, WorkCalendar calendar, LocalDate today) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkday(d) && !stopped(d, stops, today)) {
                days++;
            }
        }
        return days;
    }

    private static boolean stopped(LocalDate d, List<Stop> stops, LocalDate today) {
        for (Stop s : stops) {
            LocalDate end = s.endedOn() == null ? today : s.endedOn();
            if (d.isAfter(s.startedOn()) && !d.isAfter(end)) {
                return true;
            }
        }
        return false;
    }

    /** The day the remaining working days run out counting from today; before today when none remain. */
    private static LocalDate dueOn(LocalDate today, int remaining, WorkCalendar calendar) {
        LocalDate d = today;
        int step = remaining >= 0 ? 1 : -1;
        for (int left = Math.abs(remaining); left > 0; ) {
            d = d.plusDays(step);
            if (calendar.isWorkday(d)) {
                left--;
            }
        }
        return d;
    }
}
