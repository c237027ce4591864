package cn.keyaccount.opportunity.rest;

import cn.keyaccount.base.Validation;
import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.opportunity.OpportunityDetails;
import cn.keyaccount.opportunity.OpportunityDraft;
import cn.keyaccount.opportunity.OpportunityExcel;
import cn.keyaccount.opportunity.OpportunityFilter;
import cn.keyaccount.opportunity.OpportunityQueries;
import cn.keyaccount.opportunity.OpportunityService;
import cn.keyaccount.opportunity.OpportunityStage;
import cn.keyaccount.opportunity.PipelineSummary;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Opportunities (商机): opened from a customer's need tag, worked through their stages, the pipeline, XLSX. */
@Path("/api/opportunities")
@Tag(name = "Opportunities", description = "Opportunities from the portrait's needs tags (商机)")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Which need tag of which customer to open an opportunity for. */
    public record NewOpportunity(Long customerId, String tagCode) {
    }

    /** A reopening names the version it was made on. */
    public record Reopening(Long version) {
    }

    private final OpportunityService opportunities;
    private final OpportunityQueries queries;
    private final OpportunityExcel excel;
    private final SecurityIdentity identity;

    OpportunityResource(OpportunityService opportunities, OpportunityQueries queries, OpportunityExcel excel,
                        SecurityIdentity identity) {
        this.opportunities = opportunities;
        this.queries = queries;
        this.excel = excel;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The opportunities of the caller's customers, next step due first, paged")
    public ResultPage<OpportunityDetails> list(
            @Parameter(description = "FOUND, CONTACTED, PROPOSAL, WON or LOST") @QueryParam("stage") String stage,
            @Parameter(description = "the owning manager (app user id)") @QueryParam("ownerId") String ownerId,
            @Parameter(description = "customers of this unit and those below") @QueryParam("unitId") String unitId,
            @QueryParam("customerId") String customerId,
            @Parameter(description = "true: found, contacted and proposal only") @QueryParam("open") String open,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        OpportunityFilter f = filter(stage, ownerId, unitId, customerId, open);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        return new ResultPage<>(queries.page(viewer, f, p * s, s), p, s, queries.count(viewer, f));
    }

    @GET
    @Path("pipeline")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Per stage, how many opportunities and their expected yearly value (for a manager with "
            + "ownerId, a unit with unitId)")
    public PipelineSummary pipeline(@QueryParam("ownerId") String ownerId, @QueryParam("unitId") String unitId) {
        return queries.pipeline(viewer(), filter(null, ownerId, unitId, null, null));
    }

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The filtered list as XLSX, streamed")
    public Response export(@QueryParam("stage") String stage, @QueryParam("ownerId") String ownerId,
                           @QueryParam("unitId") String unitId, @QueryParam("open") String open) {
        OpportunityFilter f = filter(stage, ownerId, unitId, null, open);
        Viewer viewer = viewer();
        StreamingOutput file = out -> excel.export(viewer, f, out);
        return Response.ok(file, XLSX).header("Content-Disposition", "attachment; filename=\"opportunities.xlsx\"")
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "One opportunity; ETag its version")
    @APIResponse(responseCode = "200", description = "the opportunity, with its version as ETag")
    @APIResponse(responseCode = "404", description = "no such opportunity, or its customer out of the caller's reach")
    public RestResponse<OpportunityDetails> get(@PathParam("id") long id) {
        OpportunityDetails o = queries.get(viewer(), id);
        return Versions.tagged(o, o.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Open an opportunity from a needs-and-potential tag the customer carries now")
    @APIResponse(responseCode = "201", description = "opened, stage FOUND; Location its address")
    @APIResponse(responseCode = "404", description = "no such customer, or out of the caller's reach")
    @APIResponse(responseCode = "409", description = "an open opportunity for this customer and tag exists")
    @APIResponse(responseCode = "422", description = "the customer does not carry the tag, or it is no need tag")
    public Response create(NewOpportunity body, @Context UriInfo uri) {
        NewOpportunity b = Rest.required(body);
        new Validation().require(b.customerId() != null, "customerId", "error.required")
                .notBlank(b.tagCode(), "tagCode").throwIfInvalid();
        OpportunityDetails o = opportunities.create(viewer(), b.customerId(), b.tagCode());
        return Rest.created(uri, o.id(), o);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Change stage, expected value, next step and links; send the version you read")
    @APIResponse(responseCode = "200", description = Versions.CHANGED)
    @APIResponse(responseCode = "409", description = "stale version, or the opportunity is won or lost (reopen it)")
    @APIResponse(responseCode = "422", description = "lost without a reason, value negative or with more than two "
            + "decimals, next step too long, a link to another customer's record")
    @APIResponse(responseCode = "428", description = Versions.MISSING)
    public RestResponse<OpportunityDetails> update(@PathParam("id") long id, OpportunityDraft draft,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OpportunityDraft d = Rest.required(draft);
        long version = Versions.required(ifMatch, d.version());
        OpportunityDetails o = opportunities.update(viewer(), id, new OpportunityDraft(d.stage(), d.expectedValue(),
                d.nextStep(), d.nextStepDate(), d.lostReason(), d.visitId(), d.applicationId(), d.reportId(),
                version));
        return Versions.tagged(o, o.version());
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Take a won or lost opportunity back to the proposal stage")
    @APIResponse(responseCode = "200", description = Versions.CHANGED)
    @APIResponse(responseCode = "409", description = "stale version, or the opportunity is still open")
    public RestResponse<OpportunityDetails> reopen(@PathParam("id") long id, Reopening body,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Versions.required(ifMatch, body == null ? null : body.version());
        OpportunityDetails o = opportunities.reopen(viewer(), id, version);
        return Versions.tagged(o, o.version());
    }

    private static OpportunityFilter filter(String stage, String ownerId, String unitId, String customerId,
                                            String open) {
        return new OpportunityFilter(QueryParams.choice(OpportunityStage.class, "stage", stage),
                QueryParams.number("ownerId", ownerId), QueryParams.number("unitId", unitId),
                QueryParams.number("customerId", customerId), null, "true".equalsIgnoreCase(open));
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
