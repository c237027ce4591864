package cn.keyaccount.visit;

import java.time.LocalDate;

/**
 * Which visits to list: planned dates from/to (inclusive, either open), a manager, a unit (and below, by the
 * manager's unit), a customer, and a state filter.
 */
public record VisitQuery(LocalDate from, LocalDate to, Long managerId, Long unitId, Long customerId, Show show) {

    public enum Show { ALL, OPEN, OVERDUE, DONE, CANCELLED, RESCHEDULE_REQUESTED }

    public VisitQuery {
        show = show == null ? Show.ALL : show;
    }

    public static VisitQuery between(LocalDate from, LocalDate to) {
        return new VisitQuery(from, to, null, null, null, Show.ALL);
    }

    public VisitQuery withManager(Long id) {
        return new VisitQuery(from, to, id, unitId, customerId, show);
    }

    public VisitQuery withShow(Show s) {
        return new VisitQuery(from, to, managerId, unitId, customerId, s);
    }
}
