package cn.keyaccount.base.rest;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads query parameters taken as strings. JAX-RS answers a query parameter it cannot convert with 404; the API
 * answers 400 naming the parameter, so resources read their filters through here.
 */
public final class QueryParams {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    private QueryParams() {
    }

    /** The 0-based page number; 0 when absent. */
    public static int page(String value) {
        Long page = number("page", value);
        if (page != null && (page < 0 || page > Integer.MAX_VALUE)) {
            throw new InvalidParameterException("page");
        }
        return page == null ? 0 : page.intValue();
    }

    /** The page size, 1 to {@value #MAX_SIZE}; {@value #DEFAULT_SIZE} when absent. */
    public static int size(String value) {
        Long size = number("size", value);
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw new InvalidParameterException("size");
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

    public static BigDecimal decimal(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name);
        }
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

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
