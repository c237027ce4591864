package cn.keyaccount.servicerequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The service-request dashboard over the viewer's requests: what is open now by type and age, the service-level
 * compliance of the requests received in the period (per type, unit, handler and month), the repairs' arrival and
 * restoration times against the commitment (per supply area), and the return visits' satisfaction.
 */
public record DashboardDetails(LocalDate from, LocalDate to, List<OpenByType> open, List<Compliance> compliance,
                               List<RepairTimes> repairs, List<Satisfaction> satisfaction) {

    /** The age buckets of an open request, from when it was received. */
    public enum Age { D0_1, D1_3, D3_7, D7_PLUS }

    /** The dimensions compliance is grouped by. */
    public enum By { TYPE, UNIT, MANAGER, MONTH }

    /** Repair measures: the crew on site, the power restored (both from the call). */
    public enum Measure { ARRIVAL, RESTORATION }

    /** Open requests of a type: how many in each age bucket ({@link Age} order), overdue among them, in all. */
    public record OpenByType(RequestType type, List<Long> byAge, long overdue, long total) {
    }

    /**
     * One group: {@code group} is the type's name, the unit's, the handler's (empty: waiting in a unit) or the month
     * (yyyy-MM); {@code due} the requests whose service levels have been decided (answered, or a deadline passed),
     * {@code met} those that kept every level; {@code rate} met/due in percent with one decimal, null when none.
     */
    public record Compliance(By by, String group, long due, long met, BigDecimal rate) {
    }

    /**
     * Minutes from the call, per supply area: {@code count} repairs measured, the median and the 90th percentile
     * (continuous, as PostgreSQL's percentile_cont), the commitment (the service level, on average) and how many
     * kept it; null figures when none was measured.
     */
    public record RepairTimes(ServiceArea area, Measure measure, long count, BigDecimal median, BigDecimal p90,
                              BigDecimal commitment, long met) {
    }

    /** Return visits made in the period on requests of a type: how many, the average 1–5, how many 1–2. */
    public record Satisfaction(RequestType type, long visits, BigDecimal average, long dissatisfied) {
    }
}
