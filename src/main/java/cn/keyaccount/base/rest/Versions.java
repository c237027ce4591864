package cn.keyaccount.base.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Optimistic locking over HTTP, so that two clients cannot overwrite each other. An update names the version it was
 * made on: {@code version} in the body, or {@code If-Match} with the ETag the resource's GET returned. The ETag is
 * the entity's {@code @Version} in quotes ({@code "7"}); a resource guarded by two versions joins them with a dot
 * ({@code "12.3"}, the energy profile). Neither given → 428; an If-Match that is not one of these ETags, or that
 * contradicts the body's version → 412. A stale version is found by the services ({@code error.stale}): 409 for a
 * body version, 412 when the request carried If-Match ({@link ErrorMappers}).
 */
public final class Versions {

    /** 428 Precondition Required (RFC 6585): the update names no version. */
    public static final int PRECONDITION_REQUIRED = 428;

    /** 200: a change made, for the OpenAPI document. */
    public static final String CHANGED = "changed; ETag: the version now stored";
    /** 428: what an update without a version answers, for the OpenAPI document. */
    public static final String MISSING = "neither a version in the body nor an If-Match header";
    /** 409: a stale body version, for the OpenAPI document. */
    public static final String STALE = "the body's version is not the current one: someone changed it meanwhile";
    /** 412: a stale If-Match, for the OpenAPI document. */
    public static final String STALE_TAG = "If-Match does not carry the current ETag: someone changed it meanwhile";
    /** The If-Match header parameter, for the OpenAPI document. */
    public static final String IF_MATCH = "the ETag of the GET you made the change on (\"7\"); instead of the body's "
            + "version";

    private Versions() {
    }

    /** The version the update was made on, from If-Match or the body. */
    public static long required(String ifMatch, Long bodyVersion) {
        return required(ifMatch, new Long[] {bodyVersion})[0];
    }

    /** The versions the update was made on (in the order of the ETag), from If-Match or the body. */
    public static long[] required(String ifMatch, Long... bodyVersions) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            if (Arrays.stream(bodyVersions).anyMatch(v -> v == null)) {
                throw new WebApplicationException(PRECONDITION_REQUIRED);
            }
            return Arrays.stream(bodyVersions).mapToLong(Long::longValue).toArray();
        }
        long[] tagged = parse(ifMatch.trim(), bodyVersions.length);
        for (int i = 0; i < tagged.length; i++) {
            if (bodyVersions[i] != null && bodyVersions[i] != tagged[i]) {
                throw preconditionFailed();
            }
        }
        return tagged;
    }

    /** True when the request made its update conditional with If-Match. */
    static boolean conditional(HttpHeaders headers) {
        String ifMatch = headers == null ? null : headers.getHeaderString(HttpHeaders.IF_MATCH);
        return ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*");
    }

    /** 200 with the body and its ETag. */
    public static <T> RestResponse<T> tagged(T body, long... versions) {
        return RestResponse.ResponseBuilder.ok(body).tag(etag(versions)).build();
    }

    public static EntityTag etag(long... versions) {
        return new EntityTag(Arrays.stream(versions).mapToObj(Long::toString).collect(Collectors.joining(".")));
    }

    /** One strong ETag as {@link #etag} makes it; anything else (a list, a weak tag, another format) cannot match. */
    private static long[] parse(String ifMatch, int count) {
        if (ifMatch.length() < 2 || ifMatch.charAt(0) != '"' || ifMatch.charAt(ifMatch.length() - 1) != '"') {
            throw preconditionFailed();
        }
        String[] parts = ifMatch.substring(1, ifMatch.length() - 1).split("\\.", -1);
        if (parts.length != count) {
            throw preconditionFailed();
        }
        long[] versions = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                versions[i] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw preconditionFailed();
        }
        return versions;
    }

    private static WebApplicationException preconditionFailed() {
        return new WebApplicationException(412);
    }
}
