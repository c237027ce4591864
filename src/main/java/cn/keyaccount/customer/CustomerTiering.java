package cn.keyaccount.customer;

import java.math.BigDecimal;

/**
 * Tiering (客户分级) derived from annual consumption, revenue, importance, credit and growth. A points score:
 * consumption 0–40, revenue 0–25, importance 0–20, credit −10–10, growth 0–5; A from 55 points, B from 30.
 * Special and first-level important users are always A: their supply matters more than their bill.
 */
public final class CustomerTiering {

    private CustomerTiering() {
    }

    public static Tier tierOf(BigDecimal annualKwh, BigDecimal annualRevenueYuan, Importance importance,
                              String creditRating, BigDecimal growthRate) {
        if (importance == Importance.SPECIAL || importance == Importance.FIRST) {
            return Tier.A;
        }
        int score = consumptionPoints(annualKwh.doubleValue()) + revenuePoints(annualRevenueYuan.doubleValue())
                + (importance == Importance.SECOND ? 20 : 0) + creditPoints(creditRating)
                + (growthRate.doubleValue() >= 0.10 ? 5 : 0);
        if (score >= 55) {
            return Tier.A;
        }
        return score >= 30 ? Tier.B : Tier.C;
    }

    private static int consumptionPoints(double kwh) {
        if (kwh >= 50_000_000) {
            return 40;
        }
        if (kwh >= 10_000_000) {
            return 30;
        }
        if (kwh >= 2_000_000) {
            return 20;
        }
        return kwh >= 500_000 ? 10 : 0;
    }

    private static int revenuePoints(double yuan) {
        if (yuan >= 30_000_000) {
            return 25;
        }
        if (yuan >= 6_000_000) {
            return 18;
        }
        return yuan >= 1_000_000 ? 10 : 0;
    }

    private static int creditPoints(String rating) {
        return switch (rating == null ? "" : rating) {
            case "AAA" -> 10;
            case "AA" -> 5;
            case "A" -> 0;
            case "B" -> -5;
            default -> -10;
        };
    }
}
