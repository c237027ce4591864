package cn.keyaccount.visit;

/**
 * Visit compliance of one group (a manager, a unit or a month): visits planned (not cancelled), done on time (on
 * or before the planned date), done late, missed (planned date passed, no record), still to come; open and overdue
 * follow-up tasks. {@code key} identifies the group for a drill-down: a user id, a unit id or "yyyy-MM".
 */
public record ComplianceRow(String key, String label, long planned, long onTime, long late, long missed,
                            long upcoming, long openTasks, long overdueTasks) {

    /** Done on time among the visits whose date has passed, in percent; null when none has. */
    public Integer rate() {
        long due = onTime + late + missed;
        return due == 0 ? null : (int) Math.round(100.0 * onTime / due);
    }

    ComplianceRow plus(ComplianceRow o) {
        return new ComplianceRow(key, label, planned + o.planned, onTime + o.onTime, late + o.late,
                missed + o.missed, upcoming + o.upcoming, openTasks + o.openTasks, overdueTasks + o.overdueTasks);
    }
}
