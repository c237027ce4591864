package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/**
 * One month of a period: energy, the monthly power factor and its adjustment under the customer's standard (and,
 * for comparison, under all three), the maximum demand, the energy charge by time of use, and the basic charge in
 * the customer's current mode (pro rata when the period covers only part of the month). The power-factor
 * adjustment applies to the basic plus the energy charge.
 *
 * @param daysCovered  the days of the month inside the period
 * @param daysWithData the days of the month inside the period that hold at least one reading
 * @param partial      whether the month holds fewer days of readings than it has days (cut by the period, or
 *                     readings missing): its figures are not a whole month's, and a chart or table says so
 * @param capacityInServiceKva the capacity billed by capacity this month: the operating capacity less the
 *                     transformers suspended, after their capacity changes ({@link CapacityInService})
 */
public record MonthFigures(YearMonth month, int daysCovered, double kwh, double kvarh, int present, int expected,
                           BigDecimal powerFactor, BigDecimal maxDemandKw, BigDecimal energyYuan,
                           BigDecimal basicYuan, BigDecimal adjustmentPercent, BigDecimal adjustmentYuan,
                           Map<PowerFactorStandard, BigDecimal> adjustmentPercentByStandard,
                           Map<TouPeriod, Double> touKwh, int daysWithData, boolean partial,
                           BigDecimal capacityInServiceKva) {

    /** The charge the power-factor adjustment is applied to. */
    public BigDecimal adjustedBase() {
        return energyYuan.add(basicYuan);
    }

    public BigDecimal totalYuan() {
        return adjustedBase().add(adjustmentYuan);
    }
}
