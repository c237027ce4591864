package cn.keyaccount.visit;

import java.time.LocalDate;

/**
 * Which visits to list: planned dates from/to (inclusive, either open), a manager, a unit (and below, by the
 * manager's unit), a customer, and a state filter. {@code calendarDays}: from/to are the days a calendar shows the visits
 * on ({@link VisitRow#day()}: the day a done visit was done, else the planned day) instead of the planned days.
 */
public record VisitQuery(LocalDate from, LocalDate to, Long managerId, Long unitId, Long customerId, Show show,
                         boolean calendarDays) {

    public enum Show { ALL, OPEN, OVERDUE, DONE, CANCELLED, RESCHEDULE_REQUESTED }

    public VisitQuery {
        show = show == null ? Show.ALL : show;
    }

    public VisitQuery(LocalDate from, LocalDate to, Long managerId, Long unitId, Long customerId, Show show) {
        this(from, to, managerId, unitId, customerId, show, false);
    }

    /** The same query over the days the calendar shows visits on. */
    public VisitQuery asCalendar() {
        return new VisitQuery(from, to, managerId, unitId, customerId, show, true);
    }

    public static VisitQuery between(LocalDate from, LocalDate to) {
        return new VisitQuery(from, to, null, null, null, Show.ALL);
    }

    public VisitQuery withManager(Long id) {
        return new VisitQuery(from, to, id, unitId, customerId, show, calendarDays);
    }

    public VisitQuery withShow(Show s) {
        return new VisitQuery(from, to, managerId, unitId, customerId, s, calendarDays);
    }
}
