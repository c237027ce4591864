package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three power-factor standards and their official adjustment tables (功率因数调整电费表), encoded whole as data.
 * <p>
 * Source: 水利电力部、国家物价局《功率因数调整电费办法》, (83)水电财字第215号, 1983-12-02, 附表一 / 附表二 / 附表三.
 * The standard 0.90 applies to high-voltage industrial customers above 160 kVA (and high-voltage customers with
 * on-load tap changers, pumping stations of 3,200 kVA and up); 0.85 to other customers of 100 kVA (kW) and up;
 * 0.80 to agricultural and wholesale customers of 100 kVA and up.
 * <p>
 * Each row maps a monthly power factor (two decimals) to the percentage of the month's electricity charge (basic
 * plus energy charge) that is added (positive, 增收) or refunded (negative, 减收). Below the last row of each table
 * the rule of the table's footnote applies: every further 0.01 adds 2 %.
 */
public enum PowerFactorStandard {

    /** 附表一: 以0.90为标准值的功率因数调整电费表. */
    PF_090("0.90", """
            1.00 -0.75
            0.99 -0.75
            0.98 -0.75
            0.97 -0.75
            0.96 -0.75
            0.95 -0.75
            0.94 -0.60
            0.93 -0.45
            0.92 -0.30
            0.91 -0.15
            0.90 0.0
            0.89 0.5
            0.88 1.0
            0.87 1.5
            0.86 2.0
            0.85 2.5
            0.84 3.0
            0.83 3.5
            0.82 4.0
            0.81 4.5
            0.80 5.0
            0.79 5.5
            0.78 6.0
            0.77 6.5
            0.76 7.0
            0.75 7.5
            0.74 8.0
            0.73 8.5
            0.72 9.0
            0.71 9.5
            0.70 10.0
            0.69 11.0
            0.68 12.0
            0.67 13.0
            0.66 14.0
            0.65 15.0
            """),

    /** 附表二: 以0.85为标准值的功率因数调整电费表. */
    PF_085("0.85", """
            1.00 -1.10
            0.99 -1.10
            0.98 -1.10
            0.97 -1.10
            0.96 -1.10
            0.95 -1.10
            0.94 -1.10
            0.93 -0.95
            0.92 -0.80
            0.91 -0.65
            0.90 -0.50
            0.89 -0.40
            0.88 -0.30
            0.87 -0.20
            0.86 -0.10
            0.85 0.0
            0.84 0.5
            0.83 1.0
            0.82 1.5
            0.81 2.0
            0.80 2.5
            0.79 3.0
            0.78 3.5
            0.77 4.0
            0.76 4.5
            0.75 5.0
            0.74 5.5
            0.73 6.0
            0.72 6.5
            0.71 7.0
            0.70 7.5
            0.69 8.0
            0.68 8.5
            0.67 9.0
            0.66 9.5
            0.65 10.0
            0.64 11.0
            0.63 12.0
            0.62 13.0
            0.61 14.0
            0.60 15.0
            """),

    /** 附表三: 以0.80为标准值的功率因数调整电费表. */
    PF_080("0.80", """
            1.00 -1.30
            0.99 -1.30
            0.98 -1.30
            0.97 -1.30
            0.96 -1.30
            0.95 -1.30
            0.94 -1.30
            0.93 -1.30
            0.92 -1.30
            0.91 -1.15
            0.90 -1.00
            0.89 -0.90
            0.88 -0.80
            0.87 -0.70
            0.86 -0.60
            0.85 -0.50
            0.84 -0.40
            0.83 -0.30
            0.82 -0.20
            0.81 -0.10
            0.80 0.0
            0.79 0.5
            0.78 1.0
            0.77 1.5
            0.76 2.0
            0.75 2.5
            0.74 3.0
            0.73 3.5
            0.72 4.0
            0.71 4.5
            0.70 5.0
            0.69 5.5
            0.68 6.0
            0.67 6.5
            0.66 7.0
            0.65 7.5
            0.64 8.0
            0.63 8.5
            0.62 9.0
            0.61 9.5
            0.60 10.0
            0.59 11.0
            0.58 12.0
            0.57 13.0
            0.56 14.0
            0.55 15.0
            """);

    /** The footnote of every table: below its last row, each further 0.01 adds 2 % of the charge. */
    private static final BigDecimal BELOW_TABLE_PER_STEP = new BigDecimal("2.0");

    private final BigDecimal standard;
    /** power factor in hundredths → adjustment percent */
    private final TreeMap<Integer, BigDecimal> table = new TreeMap<>();

    PowerFactorStandard(String standard, String rows) {
        this.standard = new BigDecimal(standard);
        for (String row : rows.strip().split("\n")) {
            String[] cells = row.trim().split("\\s+");
            table.put(new BigDecimal(cells[0]).movePointRight(2).intValueExact(), new BigDecimal(cells[1]));
        }
    }

    public BigDecimal value() {
        return standard;
    }

    /** The standard whose value is given (0.80, 0.85 or 0.90). */
    public static PowerFactorStandard of(BigDecimal value) {
        for (PowerFactorStandard s : values()) {
            if (s.standard.compareTo(value) == 0) {
                return s;
            }
        }
        throw new IllegalArgumentException("no power-factor standard " + value);
    }

    /** The table rows, highest power factor first (for display and for the tests). */
    public Map<BigDecimal, BigDecimal> rows() {
        Map<BigDecimal, BigDecimal> out = new java.util.LinkedHashMap<>();
        table.descendingMap().forEach((k, v) -> out.put(BigDecimal.valueOf(k, 2), v));
        return out;
    }

    /**
     * The adjustment in percent of the charge for a monthly power factor (already rounded to two decimals):
     * positive adds to the bill, negative refunds.
     */
    public BigDecimal adjustmentPercent(BigDecimal powerFactor) {
        int hundredths = powerFactor.setScale(2, RoundingMode.HALF_UP).movePointRight(2).intValueExact();
        if (hundredths < 0 || hundredths > 100) {
            throw new IllegalArgumentException("power factor out of [0, 1]: " + powerFactor);
        }
        int lowest = table.firstKey();
        if (hundredths >= lowest) {
            return table.get(hundredths);
        }
        return table.get(lowest).add(BELOW_TABLE_PER_STEP.multiply(BigDecimal.valueOf(lowest - hundredths)));
    }

    /** The adjustment in yuan of a month's charge (basic plus energy charge), rounded to the fen. */
    public BigDecimal adjustment(BigDecimal powerFactor, BigDecimal chargeYuan) {
        return chargeYuan.multiply(adjustmentPercent(powerFactor)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }
}
