package cn.keyaccount.security.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.security.NewUser;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users: supervisors see those of their part of the organisation, administrators everyone and add users. */
@Path("/api/users")
@Tag(name = "Users", description = "Sign-in accounts and their roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final SecurityIdentity identity;

    UserResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "The users the caller may see, by display name, paged")
    public ResultPage<UserSummary> list(
            @Parameter(description = "part of the display name or username") @QueryParam("q") String q,
            @Parameter(description = "ADMIN, SUPERVISOR, ACCOUNT_MANAGER, SCHEDULER or CUSTOMER")
            @QueryParam("role") String role,
            @Parameter(description = "0-based page number") @QueryParam("page") String page,
            @Parameter(description = "rows per page, 1 to 500, default 50") @QueryParam("size") String size) {
        Role r = QueryParams.choice(Role.class, "role", role);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = ViewerIdentity.viewer(identity);
        return new ResultPage<>(users.list(viewer, r, q, p, s), p, s, users.count(viewer, r, q));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "One user")
    public UserSummary get(@PathParam("id") long id) {
        return users.get(ViewerIdentity.viewer(identity), id);
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Add a user (administrators)")
    public Response create(NewUser user, UriInfo uri) {
        UserSummary created = users.create(ViewerIdentity.viewer(identity), Rest.required(user));
        return Rest.created(uri, created.id(), created);
    }
}
