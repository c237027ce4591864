package cn.keyaccount.portrait;

/**
 * What a segment's centre looks like, as a manager names it ({@code portrait.kind.*}): decided by {@link ShapeNamer}
 * from the curve, never typed in.
 */
public enum ShapeKind {
    /** 季节型: the level of one season far above another's (heating, cooling, irrigation). */
    SEASONAL,
    /** 三班连续型: round the clock, the lowest hour close to the highest. */
    CONTINUOUS,
    /** 夜间型: more at night than in the day (valley-shifted production, night charging). */
    NIGHT,
    /** 双峰型: two daytime peaks with a clear dip between (morning and afternoon shifts, a lunch break). */
    DOUBLE_PEAK,
    /** 晚峰型: the peak in the evening (shops, hotels, housing). */
    EVENING_PEAK,
    /** 白天单峰型: one daytime peak. */
    DAYTIME_PEAK
}
