package cn.keyaccount.portrait;

import java.time.Month;

/**
 * The periods a typical shape is taken over: the whole year and the three load seasons of northern and central China
 * (heating in winter, cooling in summer, neither in between). {@code portrait.season.*} names them.
 */
public enum Season {
    YEAR, WINTER, SPRING_AUTUMN, SUMMER;

    /** The three seasons in the order their levels are stored (winter, spring and autumn, summer). */
    public static final Season[] PARTS = {WINTER, SPRING_AUTUMN, SUMMER};

    /** December to February winter, June to September summer, the other months spring and autumn. */
    public static Season of(Month month) {
        return switch (month) {
            case DECEMBER, JANUARY, FEBRUARY -> WINTER;
            case JUNE, JULY, AUGUST, SEPTEMBER -> SUMMER;
            default -> SPRING_AUTUMN;
        };
    }

    /** The index of a season among {@link #PARTS}. */
    int part() {
        return ordinal() - 1;
    }
}
