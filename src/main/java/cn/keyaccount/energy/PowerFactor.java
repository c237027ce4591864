package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The billing power factor and the capacitor that would raise it. The monthly power factor is
 * cos φ = kWh / sqrt(kWh² + kvarh²), rounded half-up to two decimals (功率因数调整电费办法: "计算一律取小数后二位，
 * 二位以后四舍五入"); it is computed in decimal arithmetic so that a value of exactly x.xx5 rounds up as the rule says.
 */
public final class PowerFactor {

    private static final MathContext MC = MathContext.DECIMAL64;

    private PowerFactor() {
    }

    /** cos φ rounded to two decimals; 1.00 when there was no energy at all (nothing to penalise). */
    public static BigDecimal of(double kwh, double kvarh) {
        BigDecimal p = BigDecimal.valueOf(Math.max(0, kwh));
        BigDecimal q = BigDecimal.valueOf(Math.abs(kvarh));
        if (p.signum() == 0 && q.signum() == 0) {
            return BigDecimal.ONE.setScale(2);
        }
        BigDecimal s = p.multiply(p).add(q.multiply(q)).sqrt(MC);
        return p.divide(s, MC).setScale(2, RoundingMode.HALF_UP);
    }

    /** tan φ of a power factor (reactive over active power). */
    public static double tan(double cosPhi) {
        if (cosPhi <= 0 || cosPhi > 1) {
            throw new IllegalArgumentException("power factor out of (0, 1]: " + cosPhi);
        }
        return Math.sqrt(1 - cosPhi * cosPhi) / cosPhi;
    }

    /**
     * Compensation needed to raise the power factor of an active load P from cos φ1 to cos φ2:
     * Qc = P × (tan φ1 − tan φ2) kvar; zero when the factor already reaches the target.
     */
    public static double capacitorKvar(double activeKw, double fromCosPhi, double toCosPhi) {
        if (fromCosPhi >= toCosPhi) {
            return 0;
        }
        return activeKw * (tan(fromCosPhi) - tan(toCosPhi));
    }
}
