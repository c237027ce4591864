package cn.keyaccount.base.rest;

import cn.keyaccount.base.Validation;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query and path parameters with a NUL character (%00) are refused before any resource runs: 400 naming the
 * parameter, as for any parameter the API cannot read. JSON bodies are checked by {@link NulFreeJson}.
 */
public class NulFreeParameters {

    @ServerRequestFilter
    public void refuseNul(UriInfo uri) {
        check(uri.getQueryParameters());
        check(uri.getPathParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (Validation.hasNul(p.getKey()) || p.getValue().stream().anyMatch(Validation::hasNul)) {
                throw new InvalidParameterException(p.getKey().replace('\0', '?'), "error.nul-character");
            }
        }
    }
}
