package cn.keyaccount.security.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.ViewerIdentity;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every user changes their own password (with the current one); the only call open to one who must change it. */
@Path("/api/me/password")
@Tag(name = "Users", description = "Sign-in accounts and their roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResource {

    /** The current password and the new one ({@code {"current": "…", "new": "…"}}). */
    public record PasswordChange(String current, @JsonProperty("new") String newPassword) {
    }

    private final UserService users;
    private final SecurityIdentity identity;

    PasswordResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @PUT
    @Authenticated
    @Operation(summary = "Change the caller's own password; sign in again with the new one afterwards")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "422", description = "Wrong current password, or the new one breaks a password rule "
            + "(at least 10 characters, not containing the user name, not a common password)")
    public void change(PasswordChange change) {
        PasswordChange body = Rest.required(change);
        users.changeOwnPassword(ViewerIdentity.viewer(identity), body.current(), body.newPassword());
    }
}
