package cn.keyaccount.base.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Reads query parameters taken as strings. JAX-RS answers a query parameter it cannot convert with 404; the API
 * answers 400 naming the parameter, so resources read their filters through here.
 */
public final class QueryParams {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** The last page number whose offset (page × size) still fits an int for every size: 4,294,967. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;
    /** Digits a decimal filter may have on either side of the point: beyond, PostgreSQL's numeric overflows. */
    static final int DECIMAL_DIGITS = 15;

    /** Exactly four digits of year (no sign, none beyond 9999 that the database could not store), two of month. */
    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
            .append(MONTH).appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private QueryParams() {
    }

    /**
     * The 0-based page number, 0 to {@value #MAX_PAGE}; 0 when absent. The bound keeps the offset page × size within
     * an int, which the resources compute and the queries take.
     */
    public static int page(String value) {
        Long page = number("page", value);
        if (page != null && (page < 0 || page > MAX_PAGE)) {
            throw new InvalidParameterException("page", "error.page-range", String.valueOf(MAX_PAGE));
        }
        return page == null ? 0 : page.intValue();
    }

    /** The page size, 1 to {@value #MAX_SIZE}; {@value #DEFAULT_SIZE} when absent. */
    public static int size(String value) {
        Long size = number("size", value);
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw new InvalidParameterException("size", "error.size-range", String.valueOf(MAX_SIZE));
        }
        return size == null ? DEFAULT_SIZE : size.intValue();
    }

    public static Long number(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name);
        }
    }

    /** A decimal of at most {@value #DECIMAL_DIGITS} digits before and after the point (no filter needs more). */
    public static BigDecimal decimal(String name, String value) {
        if (blank(value)) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name);
        }
        if (d.precision() - d.scale() > DECIMAL_DIGITS || d.scale() > DECIMAL_DIGITS) {
            throw new InvalidParameterException(name);
        }
        return d;
    }

    /** An enum constant by name, case-insensitive. */
    public static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name);
        }
    }

    /**
     * A calendar day written {@code yyyy-MM-dd} (ISO 8601, four-digit year, a day that exists: not 2025-02-30); null
     * when absent. Anything else is a 400 naming the parameter and the form.
     */
    public static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim(), DAY);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "error.date-form");
        }
    }

    /** A month written {@code yyyy-MM} (four-digit year, month 01 to 12); null when absent. */
    public static YearMonth month(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return YearMonth.parse(value.trim(), MONTH);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "error.month-form");
        }
    }

    /** A moment written as ISO 8601 with its offset ({@code 2026-03-31T08:00:00+08:00}); null when absent. */
    public static OffsetDateTime dateTime(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "error.date-time-form");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
