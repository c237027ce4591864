package cn.keyaccount.servicerequest.repair.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.servicerequest.repair.PhotoFile;
import cn.keyaccount.servicerequest.repair.RepairDetails;
import cn.keyaccount.servicerequest.repair.RepairService;
import cn.keyaccount.servicerequest.repair.StepReport;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Repairs on the green channel. A crew sign-in (role REPAIR_CREW) lists and reads its own crew's repairs, reports
 * their steps and adds photos; staff read the repair of a request they may see. Anything else is absent (404).
 */
@Path("/api/repairs")
@Tag(name = "Repairs", description = "The repair green channel: a crew's repairs, their steps and photos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepairResource {

    private final RepairService repairs;
    private final SecurityIdentity identity;

    RepairResource(RepairService repairs, SecurityIdentity identity) {
        this.repairs = repairs;
        this.identity = identity;
    }

    @GET
    @Path("mine")
    @RolesAllowed(Role.REPAIR_CREW_NAME)
    @Operation(summary = "The caller's crew's repairs: open ones first (oldest call first), then the last restored")
    @APIResponse(responseCode = "200", description = "the crew's repairs")
    @APIResponse(responseCode = "404", description = "the sign-in is in no crew yet")
    public List<RepairDetails> mine() {
        return repairs.mine(ViewerIdentity.viewer(identity));
    }

    @GET
    @Path("of-request")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The repair of a service request (a 故障报修 the caller may see)")
    @APIResponse(responseCode = "200", description = "the repair")
    @APIResponse(responseCode = "404", description = "no such request in sight, or not a repair")
    public RepairDetails ofRequest(@QueryParam("requestId") long requestId) {
        return repairs.ofRequest(ViewerIdentity.viewer(identity), requestId).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.STAFF_AND_CREWS)
    @Operation(summary = "One repair: its steps with their times, the cause, the linked fault outage, the photos")
    @APIResponse(responseCode = "200", description = "the repair")
    @APIResponse(responseCode = "404", description = "absent, or another crew's")
    public RepairDetails get(@PathParam("id") long id) {
        return repairs.get(ViewerIdentity.viewer(identity), id);
    }

    @POST
    @Path("{id}/steps")
    @RolesAllowed(Role.REPAIR_CREW_NAME)
    @Operation(summary = "Report a step (ACCEPTED, ON_THE_WAY, ARRIVED, CAUSE_FOUND with the cause, RESTORED) at its "
            + "time (default now); told to the customer's contacts and manager at once")
    @APIResponse(responseCode = "200", description = "recorded")
    @APIResponse(responseCode = "409", description = "that step or a later one is done, the repair is restored, or "
            + "the version is stale")
    @APIResponse(responseCode = "422", description = "a time before the last step's (arrived before dispatched), in "
            + "the future, or no cause")
    public RepairDetails report(@PathParam("id") long id, StepReport report) {
        return repairs.report(ViewerIdentity.viewer(identity), id, Rest.required(report));
    }

    @POST
    @Path("{id}/photos")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.REPAIR_CREW_NAME)
    @Operation(summary = "Add a photo of the current step: JPEG, PNG or WebP by content, at most 5 MB, not empty")
    @APIResponse(responseCode = "201", description = "stored; Location: the photo")
    @APIResponse(responseCode = "422", description = "empty, too large, not an image, or too many photos")
    public Response addPhoto(@PathParam("id") long id, InputStream body, UriInfo uri) {
        byte[] content;
        try {
            content = body == null ? new byte[0] : body.readNBytes(RepairService.MAX_PHOTO_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RepairDetails.PhotoRow stored = repairs.addPhoto(ViewerIdentity.viewer(identity), id, content);
        return Rest.created(uri, stored.id(), stored);
    }

    @GET
    @Path("{id}/photos/{photoId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.STAFF_AND_CREWS)
    @Operation(summary = "A photo of a repair")
    @APIResponse(responseCode = "200", description = "the photo")
    @APIResponse(responseCode = "404", description = "absent, or another crew's repair")
    public Response photo(@PathParam("id") long id, @PathParam("photoId") long photoId) {
        PhotoFile p = repairs.photo(ViewerIdentity.viewer(identity), id, photoId);
        return Response.ok(p.content(), p.contentType()).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=300").build();
    }
}
