package cn.keyaccount.security.rest;

import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-out for the browser, and "who am I" for API clients. */
@Path("/")
public class SessionResource {

    private final SecurityIdentity identity;
    private final UserService users;
    private final String cookieName;

    SessionResource(SecurityIdentity identity, UserService users,
                    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                    String cookieName) {
        this.identity = identity;
        this.users = users;
        this.cookieName = cookieName;
    }

    /** Who the caller is, and whether they must choose a new password before anything else. */
    public record Me(long userId, String username, String displayName, Role role, long unitId, String unitPath,
                     boolean mustChangePassword) {
    }

    /**
     * Ends every session of the signed-in user (all browsers, and cached API credentials), clears the form-login
     * cookie and returns to the sign-in page; without a session it only returns there. A browser link, not part of the API document.
     */
    @GET
    @Path("logout")
    @PermitAll
    @Operation(hidden = true)
    public Response logout(RoutingContext routing) {
        if (!identity.isAnonymous() && identity.getAttribute(ViewerIdentity.ATTRIBUTE) != null) {
            users.endSessions(ViewerIdentity.viewer(identity));
        }
        routing.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true));
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
