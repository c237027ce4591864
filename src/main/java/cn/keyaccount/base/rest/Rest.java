package cn.keyaccount.base.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What every resource answers the same way: 201 Created with the new resource's Location and the resource as body,
 * and 400 for a request whose body is missing. Absent or out-of-scope resources need nothing here: the services
 * throw {@code BusinessException.notFound} and {@link ErrorMappers} answers 404.
 */
public final class Rest {

    private Rest() {
    }

    /** 201 for a resource created in the collection the request was posted to: Location is that path + "/id". */
    public static Response created(UriInfo uri, long id, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(body).build();
    }

    /**
     * 201 for a resource that lives in another collection than the request's path (a visit's task under
     * {@code api/visit-tasks}): Location is the API's base + {@code collection} + "/id".
     */
    public static Response created(UriInfo uri, String collection, long id, Object body) {
        return Response.created(uri.getBaseUriBuilder().path(collection).path(String.valueOf(id)).build())
                .entity(body).build();
    }

    /** The request body, or 400: an empty body is a malformed request, not a service call with nothing in it. */
    public static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return body;
    }
}
