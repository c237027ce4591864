package cn.keyaccount.security.rest;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.net.URI;

/** Sign-out for the browser, and "who am I" for API clients. */
@Path("/")
public class SessionResource {

    private final SecurityIdentity identity;

    SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Clears the form-login cookie and returns to the sign-in page (a browser link, not part of the API document). */
    @GET
    @Path("logout")
    @PermitAll
    @Operation(hidden = true)
    public Response logout(RoutingContext routing) {
        FormAuthenticationMechanism.logout(routing);
        return Response.seeOther(URI.create("/login?logout")).build();
    }

    @GET
    @Path("api/me")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Viewer me() {
        return ViewerIdentity.viewer(identity);
    }
}
