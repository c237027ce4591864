package cn.keyaccount.portrait.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.portrait.PortraitRuns;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Load-shape segments and recomputing the portraits, within what the caller may see. */
@Path("/api/portrait")
@Tag(name = "Portrait", description = "Customer portrait: typical load shapes and shape segments (客户画像与分群)")
@Produces(MediaType.APPLICATION_JSON)
public class PortraitResource {

    private final PortraitService portraits;
    private final PortraitRuns runs;
    private final SecurityIdentity identity;

    PortraitResource(PortraitService portraits, PortraitRuns runs, SecurityIdentity identity) {
        this.portraits = portraits;
        this.runs = runs;
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
    @Operation(summary = "Start recomputing every portrait (the monthly job does it on its own); answers at once "
            + "with the recompute's progress, which GET recompute follows")
    @APIResponse(responseCode = "202", description = "started (or the one already running joined); Location: the "
            + "progress resource")
    public Response recompute() {
        PortraitRuns.Progress started = runs.start(ViewerIdentity.viewer(identity));
        return Response.accepted(started).location(URI.create("/api/portrait/recompute")).build();
    }

    @GET
    @Path("recompute")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "The last recompute's progress: state (NONE, MEASURING, CLUSTERING, FINISHED), chunks and "
            + "customers measured so far over all nodes")
    @APIResponse(responseCode = "200", description = "the progress of the open recompute, else of the last one")
    public PortraitRuns.Progress progress() {
        return runs.progress(ViewerIdentity.viewer(identity));
    }
}
