package cn.keyaccount.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * The application dashboard of what a viewer may see: open applications by current step (with how many overdue),
 * average and 90th-percentile working days of completed ones per kind and voltage against the limit, and the on-time
 * rate of completed ones per handler, unit and month of completion.
 */
public record DashboardSummary(List<StepCount> byStep, List<Duration> durations, List<OnTime> onTime) {

    public record StepCount(ApplicationStep step, long open, long overdue) {
    }

    public record Duration(ApplicationKind kind, VoltageClass voltage, long completed, BigDecimal averageDays,
                           int p90Days, BigDecimal averageLimitDays) {
    }

    /** {@code who}: the handler's name or the unit's name; {@code month}: yyyy-MM of completion. */
    public record OnTime(String by, String who, String month, long completed, long onTime) {

        public BigDecimal rate() {
            return completed == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(onTime * 100)
                    .divide(BigDecimal.valueOf(completed), 1, java.math.RoundingMode.HALF_UP);
        }
    }
}
