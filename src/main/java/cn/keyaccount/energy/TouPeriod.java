package cn.keyaccount.energy;

/** Time-of-use periods, dearest first: 尖峰, 峰, 平, 谷, 深谷. */
public enum TouPeriod {
    CRITICAL_PEAK, PEAK, FLAT, VALLEY, DEEP_VALLEY
}
