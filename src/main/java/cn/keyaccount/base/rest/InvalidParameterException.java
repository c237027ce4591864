package cn.keyaccount.base.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A query parameter the API cannot read (not a number, unknown value, out of range): a 400 naming the parameter,
 * with a message key saying what it may be ({@code error.bad-parameter} unless more is known).
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String key;
    private final transient Object[] args;

    public InvalidParameterException(String parameter) {
        this(parameter, "error.bad-parameter");
    }

    public InvalidParameterException(String parameter, String key, Object... args) {
        super(parameter);
        this.parameter = parameter;
        this.key = key;
        this.args = args;
    }

    public String parameter() {
        return parameter;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
