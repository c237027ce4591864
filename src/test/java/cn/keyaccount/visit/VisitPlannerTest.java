package cn.keyaccount.visit;

import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.Tier;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VisitPlannerTest {

    private static final WorkCalendar CN = WorkCalendarSource.bundled();
    private static final List<LocalTime> SLOTS = List.of(LocalTime.of(9, 0), LocalTime.of(10, 30),
            LocalTime.of(14, 30), LocalTime.of(16, 0));

    private static VisitPlanner planner(int maxPerDay) {
        return new VisitPlanner(CN, maxPerDay, SLOTS);
    }

    @Test
    void the_bundled_calendar_knows_the_2026_holidays_and_adjusted_working_days() {
        assertFalse(CN.isWorkday(LocalDate.of(2026, 2, 16)), "春节 Monday is off");
        assertTrue(CN.isWorkday(LocalDate.of(2026, 2, 14)), "Saturday 14 Feb is worked (调休)");
        assertTrue(CN.isWorkday(LocalDate.of(2026, 1, 4)), "Sunday 4 Jan is worked (调休)");
        assertFalse(CN.isWorkday(LocalDate.of(2026, 10, 7)), "国庆 Wednesday is off");
        assertTrue(CN.isWorkday(LocalDate.of(2026, 10, 10)), "Saturday 10 Oct is worked (调休)");
        assertFalse(CN.isWorkday(LocalDate.of(2026, 3, 7)), "an ordinary Saturday is off");
        assertEquals("春节", CN.nameOf(LocalDate.of(2026, 2, 18)));
        assertTrue(CN.covers(LocalDate.of(2026, 6, 1)));
    }

    @Test
    void a_year_the_calendar_does_not_cover_falls_back_to_monday_to_friday_and_is_reported() {
        LocalDate newYear2027 = LocalDate.of(2027, 1, 1);
        assertFalse(CN.covers(newYear2027));
        assertTrue(CN.isWorkday(newYear2027), "no 2027 holidays known yet: a Friday counts as working");
        VisitPlanner.Plan plan = planner(4).plan(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 1),
                List.of(due(1, 1, null)), List.of());
        assertEquals(Set.of(2027), plan.uncoveredYears());
    }

    @Test
    void tiers_and_importance_set_the_interval_and_visits_repeat_by_it() {
        VisitPolicyService.Rule rule = new VisitPolicyService.Rule(Map.of("TIER_A", 1, "TIER_B", 3, "TIER_C", 6,
                "IMPORTANCE_SPECIAL", 1, "IMPORTANCE_FIRST", 3));
        assertEquals(1, rule.intervalMonths(Tier.A, Importance.NORMAL));
        assertEquals(3, rule.intervalMonths(Tier.B, Importance.SECOND));
        assertEquals(6, rule.intervalMonths(Tier.C, Importance.NORMAL));
        assertEquals(3, rule.intervalMonths(Tier.C, Importance.FIRST), "一级 raises C to quarterly");
        assertEquals(1, rule.intervalMonths(Tier.B, Importance.SPECIAL), "特级 raises B to monthly");

        LocalDate from = LocalDate.of(2026, 3, 2);
        LocalDate lastDone = LocalDate.of(2026, 2, 27);
        VisitPlanner.Plan plan = planner(4).plan(from, from.plusDays(90),
                List.of(due(1, 1, lastDone), due(2, 3, lastDone), due(3, 6, lastDone)), List.of());
        Map<Long, List<LocalDate>> byCustomer = byCustomer(plan);
        assertEquals(List.of(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 27)),
                byCustomer.get(1L), "monthly from the last visit");
        assertEquals(List.of(LocalDate.of(2026, 5, 27)), byCustomer.get(2L), "quarterly");
        assertEquals(null, byCustomer.get(3L), "half-yearly: nothing due within 90 days");
    }

    @Test
    void visits_fall_on_working_days_only_skipping_holidays_and_using_adjusted_working_days() {
        // last visit 14 Jan: due 14 Feb, a Saturday worked in exchange (调休); next due 14 Mar (Saturday, off)
        VisitPlanner.Plan plan = planner(4).plan(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 1),
                List.of(due(1, 1, LocalDate.of(2026, 1, 14)), due(2, 1, LocalDate.of(2026, 1, 16))), List.of());
        Map<Long, List<LocalDate>> byCustomer = byCustomer(plan);
        assertEquals(LocalDate.of(2026, 2, 14), byCustomer.get(1L).getFirst());
        assertEquals(LocalDate.of(2026, 3, 16), byCustomer.get(1L).get(1), "Saturday 14 Mar moves to Monday");
        // due 16 Feb falls in the Spring Festival (15-23 Feb): the first working day after is Tuesday 24 Feb
        assertEquals(LocalDate.of(2026, 2, 24), byCustomer.get(2L).getFirst());
        for (VisitPlanner.Planned p : plan.visits()) {
            assertTrue(CN.isWorkday(p.date()), p.date() + " is not a working day");
        }
    }

    @Test
    void no_manager_gets_more_than_the_daily_maximum_and_the_load_spreads_over_the_days() {
        List<VisitPlanner.Due> dues = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            dues.add(due(i, 1, null));
        }
        LocalDate from = LocalDate.of(2026, 3, 2);
        VisitPlanner.Plan plan = planner(2).plan(from, from.plusDays(90), dues, List.of(
                new VisitPlanner.Kept(999, 1, LocalDate.of(2026, 3, 2)),
                new VisitPlanner.Kept(998, 1, LocalDate.of(2026, 3, 2))));
        Map<LocalDate, Long> perDay = plan.visits().stream()
                .collect(Collectors.groupingBy(VisitPlanner.Planned::date, Collectors.counting()));
        assertTrue(perDay.values().stream().allMatch(n -> n <= 2), perDay.toString());
        assertFalse(perDay.containsKey(LocalDate.of(2026, 3, 2)), "kept visits already fill 2 March");
        assertEquals(0, plan.unplaced());
        for (List<LocalDate> dates : byCustomer(plan).values()) {
            assertTrue(dates.size() >= 2, "monthly customers are visited two or three times in 90 days");
            for (int i = 1; i < dates.size(); i++) {
                assertTrue(!dates.get(i).isBefore(dates.get(i - 1).plusDays(28)), dates.toString());
            }
        }
        assertTrue(perDay.size() >= 45, "at most two a day: " + perDay);
        assertEquals(Set.of(LocalTime.of(9, 0), LocalTime.of(10, 30)),
                plan.visits().stream().map(VisitPlanner.Planned::time).collect(Collectors.toSet()));
    }

    @Test
    void a_kept_visit_covers_its_period_so_nothing_is_planned_beside_it() {
        LocalDate from = LocalDate.of(2026, 3, 2);
        // moved by the manager from 27 March to 6 April: no second visit around it, the next one a month later
        VisitPlanner.Plan plan = planner(4).plan(from, from.plusDays(90),
                List.of(due(1, 1, LocalDate.of(2026, 2, 27))),
                List.of(new VisitPlanner.Kept(1, 1, LocalDate.of(2026, 4, 7))));
        assertEquals(List.of(LocalDate.of(2026, 5, 7)), byCustomer(plan).get(1L));
    }

    @Test
    void a_file_with_a_bad_line_is_refused_with_its_line_number() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> WorkCalendar.parse(new StringReader("# covers: 2027\ndate,kind,name\n2027-13-01,holiday,x\n")));
        assertTrue(e.getMessage().startsWith("line 3"), e.getMessage());
    }

    private static VisitPlanner.Due due(long customer, int months, LocalDate lastDone) {
        return new VisitPlanner.Due(customer, 1, months, lastDone);
    }

    private static Map<Long, List<LocalDate>> byCustomer(VisitPlanner.Plan plan) {
        return plan.visits().stream().collect(Collectors.groupingBy(VisitPlanner.Planned::customerId,
                Collectors.mapping(VisitPlanner.Planned::date, Collectors.toList())));
    }
}
