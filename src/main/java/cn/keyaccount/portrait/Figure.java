package cn.keyaccount.portrait;

/**
 * The figures of a portrait, each compared with the customer's peers (same GB/T 4754 industry and supply voltage) as
 * a percentile; {@code portrait.figure.*} names them.
 */
public enum Figure {
    /** Mean load over maximum load, the year's 15-minute readings. */
    LOAD_FACTOR,
    /** The typical working day's highest hour over its lowest. */
    PEAK_VALLEY_RATIO,
    /** kWh / √(kWh² + kvarh²) over the year. */
    POWER_FACTOR,
    /** The typical working day's 01:00–05:00 load over its mean. */
    NIGHT_BASE,
    /** The typical working day's energy between 08:00 and 17:00, as a share. */
    DAYTIME_SHARE,
    /** The highest monthly maximum demand (kW) of the last six months over the operating capacity (kVA). */
    MAX_DEMAND_SHARE,
    /** Median daily energy of the last 90 days over that of the 90 days before. */
    CONSUMPTION_TREND,
    /** Annual consumption on the customer record (kWh). */
    ANNUAL_KWH,
    /** Consumption growth on the customer record. */
    GROWTH_RATE
}
