package cn.keyaccount.portrait.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.portrait.PortraitComputation;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.SegmentMemberRow;
import cn.keyaccount.portrait.SegmentSummary;
import cn.keyaccount.portrait.SegmentsOverview;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Load-shape segments and recomputing the portraits, within what the caller may see. */
@Path("/api/portrait")
@Tag(name = "Portrait", description = "Customer portrait: typical load shapes and shape segments (客户画像与分群)")
@Produces(MediaType.APPLICATION_JSON)
public class PortraitResource {

    private final PortraitService portraits;
    private final PortraitComputation computation;
    private final SecurityIdentity identity;

    PortraitResource(PortraitService portraits, PortraitComputation computation, SecurityIdentity identity) {
        this.portraits = portraits;
        this.computation = computation;
        this.identity = identity;
    }

    @GET
    @Path("segments")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "The segments of the last computation with their centres, sizes (all and in the caller's "
            + "scope) and the mean silhouette of every k tried")
    public SegmentsOverview segments() {
        return portraits.segments(ViewerIdentity.viewer(identity));
    }

    @GET
    @Path("segments/{segmentId}")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "One segment with its centre curves")
    @APIResponse(responseCode = "200", description = "the segment with its centre curves")
    @APIResponse(responseCode = "404", description = "no such segment (ids change with each computation)")
    public SegmentSummary segment(@PathParam("segmentId") long segmentId) {
        return portraits.segment(ViewerIdentity.viewer(identity), segmentId);
    }

    @GET
    @Path("segments/{segmentId}/members")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "The segment's members in the caller's scope, closest to the centre first")
    @APIResponse(responseCode = "200", description = "the segment's members within the caller's reach")
    @APIResponse(responseCode = "404", description = "no such segment")
    public ResultPage<SegmentMemberRow> members(@PathParam("segmentId") long segmentId,
                                                @QueryParam("page") String page, @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        PortraitService.MemberPage found = portraits.members(ViewerIdentity.viewer(identity), segmentId, p * s, s);
        return new ResultPage<>(found.rows(), p, s, found.total());
    }

    @POST
    @Path("recompute")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Recompute every portrait now (the monthly job does it on its own); answers when done")
    public PortraitComputation.RunSummary recompute() {
        return computation.recomputeAll();
    }
}
