package cn.keyaccount.base.rest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
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

/** Turns failures into the one JSON error format: 400/403/404/409/422, in the caller's language. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response business(BusinessException e, HttpHeaders headers) {
        Locale locale = locale(headers);
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
        return body(409, "conflict", Messages.get(locale(headers), "error.stale"), List.of());
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e, HttpHeaders headers) {
        List<ErrorBody.FieldMessage> fields = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.FieldMessage(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return body(400, "bad_request", Messages.get(locale(headers), "error.bad-request"), fields);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        String key = switch (status) {
            case 401 -> "error.unauthorized";
            case 403 -> "error.forbidden";
            case 404 -> "error.not-found";
            case 405 -> "error.method-not-allowed";
            case 415 -> "error.unsupported-media-type";
            default -> "error.bad-request";
        };
        return body(status, key.substring(6).replace('-', '_'), Messages.get(locale(headers), key), List.of());
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
