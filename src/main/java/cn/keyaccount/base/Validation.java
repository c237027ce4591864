package cn.keyaccount.base;

import cn.keyaccount.base.BusinessException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects field errors in a service and throws them together, so that a form can mark every bad field at once.
 * Besides the rules of each feature it holds the edges every input has: numbers within their domain and column
 * (docs/input-limits.md), lists no longer than one statement can carry, text PostgreSQL can store (no NUL).
 */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation require(boolean condition, String field, String key, Object... args) {
        if (!condition) {
            errors.add(new FieldError(field, key, args));
        }
        return this;
    }

    public Validation notBlank(String value, String field) {
        return require(value != null && !value.isBlank(), field, "error.required");
    }

    /** At most {@code max} characters, and none of them NUL. */
    public Validation maxLength(String value, int max, String field) {
        require(value == null || value.length() <= max, field, "error.too-long", max);
        return text(value, field);
    }

    /** Text PostgreSQL can store: it refuses the NUL character (U+0000) in any text column. */
    public Validation text(String value, String field) {
        return require(!hasNul(value), field, "error.nul-character");
    }

    /**
     * A number from {@code min} to {@code max} inclusive; null passes (require it separately). The bounds are the
     * domain's, chosen inside the column's precision and above what its scale rounds to zero.
     */
    public Validation range(BigDecimal value, String min, String max, String field) {
        BigDecimal low = new BigDecimal(min);
        BigDecimal high = new BigDecimal(max);
        return require(value == null || (value.compareTo(low) >= 0 && value.compareTo(high) <= 0), field,
                "error.out-of-range", min, max);
    }

    /** A whole number from {@code min} to {@code max} inclusive; null passes. */
    public Validation range(Long value, long min, long max, String field) {
        return require(value == null || (value >= min && value <= max), field, "error.out-of-range",
                String.valueOf(min), String.valueOf(max));
    }

    /** A list of at most {@code max} entries (null passes): long lists would exceed what one statement can bind. */
    public Validation maxSize(Collection<?> values, int max, String field) {
        return require(values == null || values.size() <= max, field, "error.too-many", max);
    }

    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw BusinessException.invalidFields(errors);
        }
    }
}
