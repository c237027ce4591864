package cn.keyaccount.application;

import java.math.BigDecimal;

/** 高压 or 低压: above 1 kV is high voltage (the 0.4 kV network is low voltage). */
public enum VoltageClass {
    HIGH, LOW;

    private static final BigDecimal ONE_KV = BigDecimal.ONE;

    public static VoltageClass of(BigDecimal kv) {
        return kv != null && kv.compareTo(ONE_KV) > 0 ? HIGH : LOW;
    }
}
