package cn.keyaccount.portrait.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.portrait.SegmentStrategies;
import cn.keyaccount.portrait.StrategyDetails;
import cn.keyaccount.portrait.StrategyDraft;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A segment's service strategy: read and written by supervisors, kept for the segment's name across recomputes. */
@Path("/api/portrait/segments/{segmentId}/strategy")
@Tag(name = "Portrait", description = "Customer portrait: typical load shapes and shape segments (客户画像与分群)")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentStrategyResource {

    private final SegmentStrategies strategies;
    private final SecurityIdentity identity;

    SegmentStrategyResource(SegmentStrategies strategies, SecurityIdentity identity) {
        this.strategies = strategies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "A segment's service strategy (defined false while none is written); ETag its version")
    @APIResponse(responseCode = "200", description = "the strategy")
    @APIResponse(responseCode = "404", description = "no such segment (ids change with each computation)")
    public RestResponse<StrategyDetails> strategy(@PathParam("segmentId") long segmentId) {
        StrategyDetails s = strategies.ofSegment(ViewerIdentity.viewer(identity), segmentId);
        return Versions.tagged(s, s.version());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "Write a segment's service strategy; send the version you read (body or If-Match; 0 for "
            + "one not yet written). It is kept for the segment's name across recomputes")
    @APIResponse(responseCode = "200", description = Versions.CHANGED)
    @APIResponse(responseCode = "404", description = "no such segment")
    @APIResponse(responseCode = "409", description = Versions.STALE)
    @APIResponse(responseCode = "422", description = "interval outside 1–366 days, texts too long, or all empty")
    @APIResponse(responseCode = "428", description = Versions.MISSING)
    public RestResponse<StrategyDetails> save(@PathParam("segmentId") long segmentId, StrategyDraft draft,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        StrategyDraft d = Rest.required(draft);
        long version = Versions.required(ifMatch, d.version());
        StrategyDetails s = strategies.save(ViewerIdentity.viewer(identity), segmentId,
                new StrategyDraft(d.visitIntervalDays(), d.offers(), d.talkingPoints(), version));
        return Versions.tagged(s, s.version());
    }
}
