package cn.keyaccount.support;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tests only: who the request is signed in as, by any mechanism (the form-login cookie included, which /api does
 * not accept), so that a test can tell whether a cookie is still honoured.
 */
@Path("/test-support/whoami")
public class WhoAmIResource {

    private final SecurityIdentity identity;

    WhoAmIResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String whoAmI() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
