package cn.keyaccount.servicerequest.repair.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.servicerequest.repair.CrewDetails;
import cn.keyaccount.servicerequest.repair.CrewDraft;
import cn.keyaccount.servicerequest.repair.CrewService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Repair crews (抢修班) per unit: staff read them; administrators and supervisors (within their unit) keep them. */
@Path("/api/repair-crews")
@Tag(name = "Repair crews", description = "The repair green channel's crews and their sign-ins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepairCrewResource {

    private final CrewService crews;
    private final SecurityIdentity identity;

    RepairCrewResource(CrewService crews, SecurityIdentity identity) {
        this.crews = crews;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Every repair crew, by unit and name, with its sign-ins")
    public List<CrewDetails> list() {
        return crews.list(ViewerIdentity.viewer(identity));
    }

    @GET
    @Path("accounts")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "The sign-ins of role REPAIR_CREW a crew may be given, by name or username")
    public List<CrewDetails.Account> accounts(@QueryParam("search") String search) {
        return crews.crewAccounts(ViewerIdentity.viewer(identity), search);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "One repair crew")
    @APIResponse(responseCode = "200", description = "the crew")
    @APIResponse(responseCode = "404", description = "no such crew")
    public CrewDetails get(@PathParam("id") long id) {
        return crews.get(ViewerIdentity.viewer(identity), id);
    }

    @POST
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "Add a crew to a unit (administrators; supervisors within their unit)")
    @APIResponse(responseCode = "201", description = "added; Location: the crew")
    @APIResponse(responseCode = "403", description = "a unit outside the supervisor's")
    @APIResponse(responseCode = "422", description = "a field missing or wrong, a name taken in the unit, a sign-in "
            + "not of role REPAIR_CREW or already in another crew")
    public Response add(CrewDraft draft, UriInfo uri) {
        CrewDetails created = crews.add(ViewerIdentity.viewer(identity), Rest.required(draft));
        return Rest.created(uri, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "Change a crew: name, members, mobile, area, active, sign-ins (send the version read)")
    @APIResponse(responseCode = "200", description = "changed")
    @APIResponse(responseCode = "409", description = "changed meanwhile")
    @APIResponse(responseCode = "422", description = "as for adding; the unit cannot change")
    public CrewDetails update(@PathParam("id") long id, CrewDraft draft) {
        return crews.update(ViewerIdentity.viewer(identity), id, Rest.required(draft));
    }
}
