package cn.keyaccount.base.rest;

import java.util.List;

/** The one JSON error format of the API. */
public record ErrorBody(int status, String error, String message, List<FieldMessage> fields) {

    public record FieldMessage(String field, String message) {
    }
}
