package cn.keyaccount.energy;

import java.util.List;

/**
 * Advice with money: the estimated annual saving in yuan, the investment it needs and the simple payback in years
 * (null when nothing has to be bought). The text is an i18n key with its arguments.
 */
public record Recommendation(Kind kind, double annualSavingYuan, double investmentYuan, Double paybackYears,
                             String messageKey, List<Object> args) {

    public enum Kind { CAPACITOR, BILLING_MODE, LOAD_SHIFTING }
}
