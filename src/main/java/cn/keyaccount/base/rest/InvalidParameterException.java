package cn.keyaccount.base.rest;

import jakarta.ws.rs.BadRequestException;

/** A query parameter the API cannot read (not a number, unknown value, out of range): a 400 naming the parameter. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter) {
        super(parameter);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
