package cn.keyaccount.demo;

import cn.keyaccount.base.calendar.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * One demo meter's readings, a day at a time, deterministic for the meter: the industry's load shape on a working
 * day, a weekend, a holiday or the Spring Festival ({@link #level}), the season, a slow drift, and the power factor
 * with its month of a failed capacitor bank; on the anomaly account, gaps, spikes and a stuck meter.
 * {@link DemoEnergy} writes what it yields.
 */
final class DemoLoadCurve {

    /** How a working day, a weekend and a holiday look, by industry. */
    enum Shape { CONTINUOUS, VALLEY_SHIFTED, TWO_SHIFTS, THREE_SHIFTS, ONE_SHIFT, RETAIL, HOSPITAL, SCHOOL,
        NIGHT_CHARGING, IRRIGATION }

    final float[] kwh = new float[96];
    final float[] kvarh = new float[96];
    private final Shape shape;
    private final Random random;
    private final double meanKw;
    private final double magnetisingKvar;
    private final double tanPhi;
    private final int dipMonth;
    private final boolean anomalies;
    private final WorkCalendar calendar;
    private double drift = 1;

    DemoLoadCurve(DemoEnergy.Account a, long meterId, double share, long kva, WorkCalendar calendar,
                  boolean anomalies) {
        this.shape = shapeOf(a.industry());
        this.random = new Random(meterId * 7919L);
        double annual = a.annualKwh() > 0 ? a.annualKwh() : kva * 0.9 * 0.35 * 8760;
        this.meanKw = Math.min(annual / 8760.0, kva * 0.6) * share / meanShape(shape);
        this.magnetisingKvar = kva * 0.012;
        double pf = 0.90 + random.nextDouble() * 0.07;
        this.tanPhi = Math.tan(Math.acos(pf));
        // a third of the meters lose their capacitor bank for a month (the power factor dips)
        this.dipMonth = random.nextInt(3) == 0 ? 1 + random.nextInt(12) : 0;
        this.calendar = calendar;
        this.anomalies = anomalies;
    }

    void day(LocalDate d) {
        Kind kind = kindOf(d);
        double season = season(d);
        drift = 0.9 * drift + 0.1 * (1 + random.nextGaussian() * 0.08);
        double dayLevel = drift * (1 + random.nextGaussian() * 0.03);
        double tan = d.getMonthValue() == dipMonth ? Math.tan(Math.acos(0.80 + random.nextDouble() * 0.04))
                : tanPhi;
        for (int k = 0; k < 96; k++) {
            double kw = meanKw * level(shape, kind, k) * season * dayLevel * (1 + random.nextGaussian() * 0.03);
            kw = Math.max(kw, meanKw * 0.03);
            kwh[k] = (float) (kw / 4);
            kvarh[k] = (float) ((kw * tan + magnetisingKvar) / 4 * (1 + random.nextGaussian() * 0.02));
        }
        if (anomalies) {
            spoil(d);
        }
    }

    /**
     * Gaps of a few hours now and then, a whole missing day, spikes and a stuck meter, at the same quarter hours
     * on every meter of the account (so that they show in the account's sum).
     */
    private void spoil(LocalDate d) {
        int doy = d.getDayOfYear();
        if (doy % 47 == 5) {
            int from = 20 + doy % 50;
            for (int k = from; k < from + 4 + doy % 24 && k < 96; k++) {
                kwh[k] = Float.NaN;
                kvarh[k] = Float.NaN;
            }
        }
        if (doy == 200) {
            java.util.Arrays.fill(kwh, Float.NaN);
            java.util.Arrays.fill(kvarh, Float.NaN);
        }
        if (doy % 150 == 9) {
            kwh[30 + doy % 40] *= 4;
        }
        if (doy == 130) {
            for (int k = 40; k < 64; k++) {
                kwh[k] = kwh[40];
                kvarh[k] = kvarh[40];
            }
        }
    }

    enum Kind { WORKDAY, SATURDAY, SUNDAY, HOLIDAY, SPRING_FESTIVAL }

    private Kind kindOf(LocalDate d) {
        boolean covered = calendar.covers(d);
        boolean work = covered ? calendar.isWorkday(d)
                : d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        if (work) {
            return Kind.WORKDAY;
        }
        String name = covered ? calendar.nameOf(d) : null;
        if (name != null && name.contains("春节")) {
            return Kind.SPRING_FESTIVAL;
        }
        if (name != null && !name.isBlank()) {
            return Kind.HOLIDAY;
        }
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? Kind.SATURDAY : Kind.SUNDAY;
    }

    private double season(LocalDate d) {
        int m = d.getMonthValue();
        boolean summer = m >= 6 && m <= 9;
        boolean winter = m == 12 || m <= 2;
        return switch (shape) {
            case RETAIL, HOSPITAL -> summer ? 1.35 : winter ? 1.12 : 1.0;
            case SCHOOL -> m == 7 || m == 8 ? 0.45 : m == 2 ? 0.6 : summer ? 1.2 : 1.0;
            case IRRIGATION -> m >= 5 && m <= 8 ? 2.0 : m == 4 || m == 9 ? 1.0 : 0.35;
            case ONE_SHIFT -> m == 8 || m == 9 ? 1.3 : 1.0;
            default -> summer ? 1.08 : winter ? 1.04 : 1.0;
        };
    }

    /** Relative load of interval k (0 = 00:00-00:15) on a day of a kind. */
    static double level(Shape shape, Kind kind, int k) {
        double h = k / 4.0;
        return switch (shape) {
            case CONTINUOUS -> (kind == Kind.SPRING_FESTIVAL ? 0.85 : 1.0) * (0.95 + 0.05 * Math.sin(h / 24 * 6.283));
            case VALLEY_SHIFTED -> (kind == Kind.SPRING_FESTIVAL ? 0.3 : 1.0)
                    * (h >= 23 || h < 7 ? 1.45 : (h >= 10 && h < 12) || (h >= 17 && h < 21) ? 0.55 : 0.9);
            case TWO_SHIFTS -> {
                double base = h >= 8 && h < 24 ? (h >= 12 && h < 13 || h >= 17.5 && h < 18.5 ? 0.75 : 1.0) : 0.22;
                yield base * switch (kind) {
                    case WORKDAY -> 1.0;
                    case SATURDAY -> 0.55;
                    case SUNDAY -> 0.3;
                    case HOLIDAY -> 0.28;
                    case SPRING_FESTIVAL -> 0.15;
                };
            }
            case THREE_SHIFTS -> (kind == Kind.SUNDAY || kind == Kind.HOLIDAY ? 0.5
                    : kind == Kind.SPRING_FESTIVAL ? 0.2 : 1.0) * (h % 8 < 0.5 ? 0.7 : 1.0);
            case ONE_SHIFT -> (h >= 8 && h < 17 ? (h >= 12 && h < 13 ? 0.6 : 1.0) : 0.18)
                    * (kind == Kind.WORKDAY ? 1.0 : kind == Kind.SATURDAY ? 0.7 : 0.2);
            case RETAIL -> (h >= 9.5 && h < 22 ? 1.0 + (h >= 14 && h < 20 ? 0.2 : 0) : 0.2)
                    * (kind == Kind.WORKDAY ? 1.0 : kind == Kind.SPRING_FESTIVAL ? 0.8 : 1.25);
            case HOSPITAL -> (h >= 8 && h < 18 ? 1.3 : h >= 18 && h < 22 ? 1.0 : 0.7)
                    * (kind == Kind.WORKDAY ? 1.0 : 0.85);
            case SCHOOL -> (h >= 7.5 && h < 22 ? 1.0 : 0.15) * (kind == Kind.WORKDAY ? 1.0 : 0.35);
            case NIGHT_CHARGING -> (h >= 23 || h < 6 ? 1.8 : h >= 11 && h < 14 ? 0.9 : 0.35)
                    * (kind == Kind.SPRING_FESTIVAL ? 0.7 : 1.0);
            case IRRIGATION -> h >= 6 && h < 19 ? 1.4 : 0.3;
        };
    }

    /** The mean of a week of workday/weekend levels, to scale a shape to the customer's annual consumption. */
    static double meanShape(Shape shape) {
        double sum = 0;
        Kind[] week = {Kind.WORKDAY, Kind.WORKDAY, Kind.WORKDAY, Kind.WORKDAY, Kind.WORKDAY, Kind.SATURDAY,
                Kind.SUNDAY};
        for (Kind kind : week) {
            for (int k = 0; k < 96; k++) {
                sum += level(shape, kind, k);
            }
        }
        return sum / (96 * week.length);
    }

    /** The load shape of an industry (its GB/T 4754 code); two shifts when the industry is not listed. */
    static Shape shapeOf(String industry) {
        return switch (industry == null ? "" : industry) {
            case "C26", "C31", "I65", "N77", "C27" -> Shape.CONTINUOUS;
            case "C30" -> Shape.VALLEY_SHIFTED;
            case "C39", "C36" -> Shape.TWO_SHIFTS;
            case "C17" -> Shape.THREE_SHIFTS;
            case "C13" -> Shape.ONE_SHIFT;
            case "F52" -> Shape.RETAIL;
            case "Q84" -> Shape.HOSPITAL;
            case "P83" -> Shape.SCHOOL;
            case "G54" -> Shape.NIGHT_CHARGING;
            case "A01" -> Shape.IRRIGATION;
            default -> Shape.TWO_SHIFTS;
        };
    }
}
