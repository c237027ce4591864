package cn.keyaccount.outage;

import java.util.List;

/**
 * A month's outage-warning compliance in a unit (and below): totals over the outages of the month that were not
 * cancelled. Shares are of the warned customers owed a lead time (AT_ONCE left out); {@code null} when there are none.
 */
public record ComplianceSummary(String month, long unitId, String unitName, long outages, long affected, long onTime,
                                long belowRegulation, long late, long atOnce, long notWarned, long messages,
                                long dispatched, long delivered, long failed, List<ComplianceOutage> rows) {

    public Double onTimeShare() {
        return share(onTime);
    }

    public Double belowRegulationShare() {
        return share(belowRegulation);
    }

    public Double lateShare() {
        return share(late);
    }

    public Double receiptRate() {
        return dispatched == 0 ? null : (double) delivered / dispatched;
    }

    private Double share(long n) {
        long classified = onTime + belowRegulation + late;
        return classified == 0 ? null : (double) n / classified;
    }
}
