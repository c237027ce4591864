package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.util.List;

/**
 * Advice with money: the estimated annual saving in yuan, the investment it needs (zero when nothing has to be
 * bought), both to 0.01 yuan, and the simple payback in years (null when nothing has to be bought). The text is an
 * i18n key with its arguments.
 */
public record Recommendation(Kind kind, BigDecimal annualSavingYuan, BigDecimal investmentYuan, Double paybackYears,
                             String messageKey, List<Object> args) {

    public enum Kind { CAPACITOR, BILLING_MODE, LOAD_SHIFTING }

    /** What the recommendations together would save a year: the sum of their amounts. */
    public static BigDecimal annualSaving(List<Recommendation> recommendations) {
        return recommendations.stream().map(Recommendation::annualSavingYuan)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
