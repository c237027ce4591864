package cn.keyaccount.base;

import java.util.List;

/**
 * The one business exception: a message key (translated by the UI and the REST error body), its arguments,
 * and the kind of failure, which decides the HTTP status. Field errors name the field they belong to.
 */
public class BusinessException extends RuntimeException {

    public enum Kind { VALIDATION, NOT_FOUND, CONFLICT, FORBIDDEN }

    public record FieldError(String field, String key, Object... args) {
        public FieldError {
            args = args == null ? new Object[0] : args;
        }
    }

    private final Kind kind;
    private final String key;
    private final transient Object[] args;
    private final transient List<FieldError> fieldErrors;

    public BusinessException(Kind kind, String key, Object... args) {
        this(kind, key, List.of(), args);
    }

    private BusinessException(Kind kind, String key, List<FieldError> fieldErrors, Object... args) {
        super(key);
        this.kind = kind;
        this.key = key;
        this.args = args == null ? new Object[0] : args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static BusinessException notFound(String key, Object... args) {
        return new BusinessException(Kind.NOT_FOUND, key, args);
    }

    public static BusinessException conflict(String key, Object... args) {
        return new BusinessException(Kind.CONFLICT, key, args);
    }

    public static BusinessException forbidden(String key, Object... args) {
        return new BusinessException(Kind.FORBIDDEN, key, args);
    }

    public static BusinessException invalid(String key, Object... args) {
        return new BusinessException(Kind.VALIDATION, key, args);
    }

    public static BusinessException invalidFields(List<FieldError> errors) {
        return new BusinessException(Kind.VALIDATION, "error.validation", errors);
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
