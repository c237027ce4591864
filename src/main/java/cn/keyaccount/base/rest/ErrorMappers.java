package cn.keyaccount.base.rest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns failures into the one JSON error format: 400/403/404/409/412/422/428, in the caller's language. A stale
 * version is 409, or 412 Precondition Failed when the request named its version with If-Match ({@link Versions}).
 */
public class ErrorMappers {

    private static final String STALE = "error.stale";

    @ServerExceptionMapper
    public Response business(BusinessException e, HttpHeaders headers) {
        Locale locale = locale(headers);
        if (e.kind() == BusinessException.Kind.CONFLICT && STALE.equals(e.key()) && Versions.conditional(headers)) {
            return preconditionFailed(locale);
        }
        int status = switch (e.kind()) {
            case VALIDATION -> 422;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
        List<ErrorBody.FieldMessage> fields = e.fieldErrors().stream()
                .map(f -> new ErrorBody.FieldMessage(f.field(), Messages.get(locale, f.key(), f.args())))
                .toList();
        return body(status, e.kind().name().toLowerCase(Locale.ROOT), Messages.get(locale, e.key(), e.args()), fields);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(RuntimeException e, HttpHeaders headers) {
        if (Versions.conditional(headers)) {
            return preconditionFailed(locale(headers));
        }
        return body(409, "conflict", Messages.get(locale(headers), STALE), List.of());
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, HttpHeaders headers) {
        List<ErrorBody.FieldMessage> fields = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.FieldMessage(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return body(400, "bad_request", Messages.get(locale(headers), "error.bad-request"), fields);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpHeaders headers) {
        Locale locale = locale(headers);
        return body(400, "bad_request", Messages.get(locale, "error.bad-request"),
                List.of(new ErrorBody.FieldMessage(e.parameter(), Messages.get(locale, e.key(), e.args()))));
    }

    /** A date in a JSON body outside the years stored ({@link BoundedDates}): 422 naming the field. */
    @ServerExceptionMapper
    public Response yearOutOfRange(BoundedDates.YearOutOfRangeException e, HttpHeaders headers) {
        Locale locale = locale(headers);
        return body(422, "validation", Messages.get(locale, "error.validation"),
                List.of(new ErrorBody.FieldMessage(jsonPath(e), Messages.get(locale, "error.out-of-range",
                        String.format("%04d", BoundedDates.FIRST_YEAR), String.valueOf(BoundedDates.LAST_YEAR)))));
    }

    /** A NUL character in a JSON string ({@link NulFreeJson}): 422 naming the field by its path in the body. */
    @ServerExceptionMapper
    public Response nulCharacter(NulFreeJson.NulCharacterException e, HttpHeaders headers) {
        Locale locale = locale(headers);
        return body(422, "validation", Messages.get(locale, "error.validation"),
                List.of(new ErrorBody.FieldMessage(jsonPath(e), Messages.get(locale, "error.nul-character"))));
    }

    /** A body that is not JSON, or JSON whose values do not fit the fields (a word where a number belongs). */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response malformedJson(JsonProcessingException e, HttpHeaders headers) {
        Locale locale = locale(headers);
        List<ErrorBody.FieldMessage> fields = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? List.of(new ErrorBody.FieldMessage(jsonPath(m), Messages.get(locale, "error.bad-parameter")))
                : List.of();
        return body(400, "bad_request", Messages.get(locale, "error.malformed-json"), fields);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        String key = switch (status) {
            case 401 -> "error.unauthorized";
            case 403 -> "error.forbidden";
            case 404 -> "error.not-found";
            case 405 -> "error.method-not-allowed";
            case 412 -> "error.precondition-failed";
            case 415 -> "error.unsupported-media-type";
            case Versions.PRECONDITION_REQUIRED -> "error.precondition-required";
            default -> "error.bad-request";
        };
        return body(status, key.substring(6).replace('-', '_'), Messages.get(locale(headers), key), List.of());
    }

    private static Response preconditionFailed(Locale locale) {
        return body(412, "precondition_failed", Messages.get(locale, "error.precondition-failed"), List.of());
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Response body(int status, String error, String message, List<ErrorBody.FieldMessage> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(status, error, message, fields)).build();
    }

    private static Locale locale(HttpHeaders headers) {
        List<Locale> accepted = headers == null ? List.of() : headers.getAcceptableLanguages();
        return accepted.isEmpty() || "*".equals(accepted.get(0).getLanguage()) ? Messages.CHINESE : accepted.get(0);
    }
}
