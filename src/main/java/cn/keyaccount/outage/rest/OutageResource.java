package cn.keyaccount.outage.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.base.rest.UploadBody;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.outage.AffectedRow;
import cn.keyaccount.outage.ComplianceSummary;
import cn.keyaccount.outage.ComplianceWorkbook;
import cn.keyaccount.outage.CustomerOutage;
import cn.keyaccount.outage.Effect;
import cn.keyaccount.outage.MaintenancePlanImport;
import cn.keyaccount.outage.OutageCompliance;
import cn.keyaccount.outage.OutageDetails;
import cn.keyaccount.outage.OutageDraft;
import cn.keyaccount.outage.OutageKind;
import cn.keyaccount.outage.OutageRow;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.outage.OutageService;
import cn.keyaccount.outage.OutageStatus;
import cn.keyaccount.outage.PlanImportReport;
import cn.keyaccount.security.Role;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Outages (停电信息服务): registration, moves, cancellation, a supervisor's release of a held outage, the affected
 * customers, the messages sent, the weekly plan import and the compliance figures. Visibility is the service's:
 * another unit's outage, or one not affecting the caller's customers, is absent (404).
 */
@Path("/api/outages")
@Tag(name = "Outages", description = "Planned, temporary and fault outages and their warnings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutageResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Why an outage is cancelled, or why a supervisor releases a held one. */
    public record Reason(String reason) {
    }

    private final OutageService outages;
    private final OutageQueries queries;
    private final MaintenancePlanImport plans;
    private final OutageCompliance compliance;
    private final ComplianceWorkbook workbook;
    private final SecurityIdentity identity;

    private final Clock clock;

    OutageResource(Clock clock, OutageService outages, OutageQueries queries, MaintenancePlanImport plans,
                   OutageCompliance compliance, ComplianceWorkbook workbook, SecurityIdentity identity) {
        this.clock = clock;
        this.outages = outages;
        this.queries = queries;
        this.plans = plans;
        this.compliance = compliance;
        this.workbook = workbook;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The outages the caller may see, soonest first; from/to (ISO date-times) bound the period")
    public ResultPage<OutageRow> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        OutageQueries.OutageFilter filter = new OutageQueries.OutageFilter(
                QueryParams.choice(OutageStatus.class, "status", status), QueryParams.choice(OutageKind.class, "kind",
                kind), QueryParams.dateTime("from", from), QueryParams.dateTime("to", to));
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        return new ResultPage<>(queries.list(viewer, filter, p * s, s), p, s, queries.count(viewer, filter));
    }

    @POST
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Register an outage: affected customers found, conflicts checked, warnings scheduled or held")
    public Response register(OutageDraft draft, UriInfo uri) {
        OutageDetails created = outages.register(viewer(), Rest.required(draft), null);
        return Rest.created(uri, created.id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One outage with its lines, hold, conflicts and the notices sent for it. ETag: its version")
    public RestResponse<OutageDetails> get(@PathParam("id") long id) {
        OutageDetails found = queries.get(viewer(), id);
        return Versions.tagged(found, found.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Move or change an outage (send the version read, body or If-Match): revisions go to "
            + "everyone warned before")
    @APIResponseSchema(value = OutageDetails.class, responseDescription = Versions.CHANGED)
    public RestResponse<OutageDetails> update(@PathParam("id") long id, OutageDraft draft,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long seen = Versions.required(ifMatch, Rest.required(draft).version());
        OutageDetails changed = outages.update(viewer(), id, draft.withVersion(seen));
        return Versions.tagged(changed, changed.version());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Cancel an outage with a reason: pending warnings withdrawn, those warned get a cancellation")
    public OutageDetails cancel(@PathParam("id") long id, Reason reason) {
        return outages.cancel(viewer(), id, reason == null ? null : reason.reason());
    }

    /** When a fault's power came back (now when absent) and an optional note (cause, what was done). */
    public record Restored(java.time.OffsetDateTime at, String note) {
    }

    @POST
    @Path("{id}/restored")
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "A fault outage's power is back: recorded once; the repairs linked to it close together")
    public OutageDetails restored(@PathParam("id") long id, Restored restored) {
        return outages.restored(viewer(), id, restored == null ? null : restored.at(),
                restored == null ? null : restored.note());
    }

    @POST
    @Path("{id}/release")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "A supervisor releases a held outage (late warning, conflict) with a reason")
    public OutageDetails release(@PathParam("id") long id, Reason reason) {
        return outages.release(viewer(), id, reason == null ? null : reason.reason());
    }

    @GET
    @Path("{id}/customers")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The key customers the outage affects (effect=OUT or ONE_SOURCE_OUT filters)")
    public ResultPage<AffectedRow> customers(@PathParam("id") long id, @QueryParam("effect") String effect,
                                             @QueryParam("page") String page, @QueryParam("size") String size) {
        Effect e = QueryParams.choice(Effect.class, "effect", effect);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        return new ResultPage<>(queries.affected(viewer, id, e, p * s, s), p, s, queries.countAffected(viewer, id, e));
    }

    @GET
    @Path("{id}/messages")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The messages sent for the outage with state and receipt (managers, customers: customerId)")
    public ResultPage<MessageDetails> messages(@PathParam("id") long id, @QueryParam("customerId") String customerId,
                                            @QueryParam("page") String page, @QueryParam("size") String size) {
        Long customer = QueryParams.number("customerId", customerId);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        return new ResultPage<>(queries.messages(viewer, id, customer, p * s, s), p, s,
                queries.countMessages(viewer, id, customer));
    }

    @GET
    @Path("mine")
    @RolesAllowed(Role.CUSTOMER_NAME)
    @Operation(summary = "For customer users: upcoming and running outages on their accounts")
    public List<CustomerOutage> mine() {
        return queries.upcomingForCustomer(viewer());
    }

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, XLSX})
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Import a weekly maintenance plan (XLSX): all rows registered, or none and 422 with problems")
    public Response importPlan(@QueryParam("file") String file, InputStream body) {
        PlanImportReport r = plans.importPlan(viewer(), file == null || file.isBlank() ? "upload" : file,
                UploadBody.bytes(body, UploadBody.IMPORT_MAX_BYTES));
        return Response.status(r.ok() ? 200 : 422).type(MediaType.APPLICATION_JSON).entity(r).build();
    }

    @GET
    @Path("compliance")
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "A month's warning compliance (month=yyyy-MM, default this month) in a unit and below")
    public ComplianceSummary compliance(@QueryParam("month") String month, @QueryParam("unitId") String unitId) {
        return compliance.month(viewer(), month(month), QueryParams.number("unitId", unitId));
    }

    @GET
    @Path("compliance.xlsx")
    @Produces(XLSX)
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "The compliance figures as XLSX: twelve months, the month's outages, their customers")
    public Response complianceXlsx(@QueryParam("month") String month, @QueryParam("unitId") String unitId) {
        YearMonth m = month(month);
        Long unit = QueryParams.number("unitId", unitId);
        Viewer viewer = viewer();
        StreamingOutput file = out -> workbook.write(viewer, m, unit, Locale.SIMPLIFIED_CHINESE, out);
        return Response.ok(file, XLSX)
                .header("Content-Disposition", "attachment; filename=\"outage-compliance-" + m + ".xlsx\"").build();
    }

    private YearMonth month(String value) {
        YearMonth month = QueryParams.month("month", value);
        return month == null ? YearMonth.now(clock) : month;
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
