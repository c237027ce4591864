package cn.keyaccount.security.rest;

import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
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
import java.net.URI;

/** Sign-out for the browser, and "who am I" for API clients. */
@Path("/")
public class SessionResource {

    private final SecurityIdentity identity;
    private final UserService users;

    SessionResource(SecurityIdentity identity, UserService users) {
        this.identity = identity;
        this.users = users;
    }

    /** Who the caller is, and whether they must choose a new password before anything else. */
    public record Me(long userId, String username, String displayName, Role role, long unitId, String unitPath,
                     boolean mustChangePassword) {
    }

    /** Clears the form-login cookie and returns to the sign-in page. */
    @GET
    @Path("logout")
    @PermitAll
    public Response logout(RoutingContext routing) {
        FormAuthenticationMechanism.logout(routing);
        return Response.seeOther(URI.create("/login?logout")).build();
    }

    @GET
    @Path("api/me")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        Viewer v = ViewerIdentity.viewer(identity);
        return new Me(v.userId(), v.username(), v.displayName(), v.role(), v.unitId(), v.unitPath(),
                users.mustChangePassword(v.username()));
    }
}
