package cn.keyaccount.visit;

import cn.keyaccount.base.calendar.WorkCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the visits of managers over a window of days, without touching the database.
 *
 * <p>Rules: a customer is due its interval after its last done visit (at once when that is already past); a
 * customer never visited gets its first visit spread over its first interval (capped at the window), so that the
 * load is even from the start. A visit that is kept (moved, confirmed, recorded or added by hand) before the next
 * due date plus one interval counts as that period's visit: the planner adds nothing beside it and counts on from
 * it. A planned visit goes on the first working day from its due date that has room under the daily maximum
 * (visits kept on that day count), else on the nearest earlier one in the window; when the window is full it is
 * left out and counted.
 */
final class VisitPlanner {

    /** A customer to plan for: its manager and interval, and the date of its last done visit (null: never). */
    public record Due(long customerId, long managerId, int intervalMonths, LocalDate lastDone) {
    }

    /** A visit the planner must keep: its customer, manager and date; it takes one place on its manager's day. */
    public record Kept(long customerId, long managerId, LocalDate date) {
    }

    /** A visit to create. */
    public record Planned(long customerId, long managerId, LocalDate date, LocalTime time) {
    }

    public record Plan(List<Planned> visits, int unplaced, Set<Integer> uncoveredYears) {
    }

    private final WorkCalendar calendar;
    private final int maxPerDay;
    private final List<LocalTime> slots;

    public VisitPlanner(WorkCalendar calendar, int maxPerDay, List<LocalTime> slots) {
        if (maxPerDay < 1) {
            throw new IllegalArgumentException("maxPerDay must be at least 1");
        }
        this.calendar = calendar;
        this.maxPerDay = maxPerDay;
        this.slots = slots.isEmpty() ? List.of(LocalTime.of(9, 0)) : List.copyOf(slots);
    }

    /** Plans the days {@code from} (inclusive) to {@code to} (exclusive). */
    public Plan plan(LocalDate from, LocalDate to, Collection<Due> dues, Collection<Kept> kept) {
        Map<Long, List<Due>> byManager = new HashMap<>();
        dues.forEach(d -> byManager.computeIfAbsent(d.managerId(), k -> new ArrayList<>()).add(d));
        Map<Long, Map<LocalDate, Integer>> load = new HashMap<>();
        Map<Long, List<LocalDate>> keptByCustomer = new HashMap<>();
        for (Kept k : kept) {
            load.computeIfAbsent(k.managerId(), m -> new HashMap<>()).merge(k.date(), 1, Integer::sum);
            keptByCustomer.computeIfAbsent(k.customerId(), c -> new ArrayList<>()).add(k.date());
        }
        keptByCustomer.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        List<Planned> planned = new ArrayList<>();
        int unplaced = 0;
        for (var entry : byManager.entrySet()) {
            Map<LocalDate, Integer> managerLoad = load.computeIfAbsent(entry.getKey(), m -> new HashMap<>());
            List<Due> customers = new ArrayList<>(entry.getValue());
            customers.sort(Comparator.comparingLong(Due::customerId));
            Map<Integer, Integer> neverVisited = new HashMap<>();
            customers.stream().filter(d -> d.lastDone() == null)
                    .forEach(d -> neverVisited.merge(d.intervalMonths(), 1, Integer::sum));
            Map<Integer, Integer> neverSeen = new HashMap<>();
            for (Due d : customers) {
                LocalDate due;
                if (d.lastDone() == null) {
                    int index = neverSeen.merge(d.intervalMonths(), 1, Integer::sum) - 1;
                    long span = Math.min(ChronoUnit.DAYS.between(from, from.plusMonths(d.intervalMonths())),
                            ChronoUnit.DAYS.between(from, to));
                    due = from.plusDays(index * span / neverVisited.get(d.intervalMonths()));
                } else {
                    due = max(from, d.lastDone().plusMonths(d.intervalMonths()));
                }
                unplaced += planCustomer(d, due, from, to, keptByCustomer.getOrDefault(d.customerId(), List.of()),
                        managerLoad, planned);
            }
        }
        return new Plan(planned, unplaced, calendar.uncoveredYears(from, to.minusDays(1)));
    }

    private int planCustomer(Due d, LocalDate firstDue, LocalDate from, LocalDate to, List<LocalDate> kept,
                             Map<LocalDate, Integer> load, List<Planned> out) {
        int unplaced = 0;
        LocalDate due = firstDue;
        int next = 0;
        while (next < kept.size() && kept.get(next).isBefore(from)) {
            next++;
        }
        while (true) {
            if (next < kept.size() && kept.get(next).isBefore(due.plusMonths(d.intervalMonths()))) {
                // a kept visit covers this period; the interval counts from it
                due = kept.get(next).plusMonths(d.intervalMonths());
                next++;
                continue;
            }
            if (!due.isBefore(to)) {
                return unplaced;
            }
            LocalDate day = place(due, from, to, load);
            if (day == null) {
                unplaced++;
                due = due.plusMonths(d.intervalMonths());
                continue;
            }
            int slot = load.merge(day, 1, Integer::sum) - 1;
            out.add(new Planned(d.customerId(), d.managerId(), day, slots.get(Math.min(slot, slots.size() - 1))));
            due = day.plusMonths(d.intervalMonths());
        }
    }

    /** The first working day with room from {@code due} on, else the nearest earlier one; null when full. */
    private LocalDate place(LocalDate due, LocalDate from, LocalDate to, Map<LocalDate, Integer> load) {
        for (LocalDate day = due; day.isBefore(to); day = day.plusDays(1)) {
            if (hasRoom(day, load)) {
                return day;
            }
        }
        for (LocalDate day = due.minusDays(1); !day.isBefore(from); day = day.minusDays(1)) {
            if (hasRoom(day, load)) {
                return day;
            }
        }
        return null;
    }

    private boolean hasRoom(LocalDate day, Map<LocalDate, Integer> load) {
        return calendar.isWorkday(day) && load.getOrDefault(day, 0) < maxPerDay;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
