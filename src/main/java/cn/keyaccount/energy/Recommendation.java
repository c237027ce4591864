package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.util.List;

/**
 * Advice with money: the estimated annual saving in yuan, the investment it needs (zero when nothing has to be
 * bought), both to 0.01 yuan, and the simple payback in years (null when nothing has to be bought). The text is an
 * i18n key with its arguments. {@code application} is what the customer would apply for to follow it (a billing
 * change, a 减容 or 暂停), null when no application is needed.
 */
public record Recommendation(Kind kind, BigDecimal annualSavingYuan, BigDecimal investmentYuan, Double paybackYears,
                             String messageKey, List<Object> args, ApplicationProposal application) {

    public enum Kind { CAPACITOR, BILLING_MODE, LOAD_SHIFTING, SUSPENSION, CAPACITY_REDUCTION }

    /** Advice that needs no application. */
    public Recommendation(Kind kind, BigDecimal annualSavingYuan, BigDecimal investmentYuan, Double paybackYears,
                          String messageKey, List<Object> args) {
        this(kind, annualSavingYuan, investmentYuan, paybackYears, messageKey, args, null);
    }

    /**
     * What the recommendations together would save a year: the sum of their amounts, except that the ways of cutting
     * the basic charge (another billing mode or declared demand, a 暂停 or 减容) are alternatives to each other and
     * count once, with the largest of them.
     */
    public static BigDecimal annualSaving(List<Recommendation> recommendations) {
        BigDecimal others = recommendations.stream().filter(r -> !r.cutsTheBasicCharge())
                .map(Recommendation::annualSavingYuan).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return others.add(recommendations.stream().filter(Recommendation::cutsTheBasicCharge)
                .map(Recommendation::annualSavingYuan).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO));
    }

    /** Whether this advice cuts the basic charge: such advice are alternatives to each other. */
    public boolean cutsTheBasicCharge() {
        return kind == Kind.BILLING_MODE || kind == Kind.SUSPENSION || kind == Kind.CAPACITY_REDUCTION;
    }
}
