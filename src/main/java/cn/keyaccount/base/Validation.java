package cn.keyaccount.base;

import cn.keyaccount.base.BusinessException.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Collects field errors in a service and throws them together, so that a form can mark every bad field at once. */
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

    public Validation maxLength(String value, int max, String field) {
        return require(value == null || value.length() <= max, field, "error.too-long", max);
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
