package cn.keyaccount.visit;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a planning run did: for how many managers and customers, over which days; visits created, replaced
 * (untouched planner visits removed first), kept (changed by people), left out for lack of room; and the years of
 * the window the holiday calendar does not cover (planned on Monday-Friday only).
 */
public record PlanResult(int managers, int customers, LocalDate from, LocalDate to, int created, int replaced,
                         int kept, int unplaced, Set<Integer> uncoveredYears, long millis) {
}
