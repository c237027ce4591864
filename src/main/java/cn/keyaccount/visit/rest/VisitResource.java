package cn.keyaccount.visit.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.visit.CustomerResponse;
import cn.keyaccount.visit.TaskDraft;
import cn.keyaccount.visit.TaskRow;
import cn.keyaccount.visit.VisitDetails;
import cn.keyaccount.visit.VisitDraft;
import cn.keyaccount.visit.VisitQuery;
import cn.keyaccount.visit.VisitRecordDraft;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Visits, their records and follow-up tasks. Who sees a visit follows who sees its customer (another's visit is
 * absent: 404); who may change it follows who may change the customer (read-only: 403).
 */
@Path("/api/visits")
@Tag(name = "Visits", description = "Planned and recorded visits to key customers (定期走访)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitResource {


    /** A new date (and optionally time) for a visit. */
    public record Move(LocalDate plannedDate, LocalTime plannedTime, Long version) {
    }

    public record Cancel(String reason, Long version) {
    }

    public record Confirm(Long version) {
    }

    /** The customer's answer: CONFIRMED, or RESCHEDULE_REQUESTED with a note and optionally a proposed date. */
    public record Answer(CustomerResponse response, String note, LocalDate proposedDate) {
    }

    private final VisitService visits;
    private final SecurityIdentity identity;

    VisitResource(VisitService visits, SecurityIdentity identity) {
        this.visits = visits;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Visits the caller may see, by planned date")
    public ResultPage<VisitRow> list(
            @Parameter(description = "planned on or after, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "planned on or before, yyyy-MM-dd") @QueryParam("to") String to,
            @QueryParam("managerId") String managerId,
            @Parameter(description = "the manager's unit and the units below") @QueryParam("unitId") String unitId,
            @QueryParam("customerId") String customerId,
            @Parameter(description = "ALL, OPEN, OVERDUE, DONE, CANCELLED or RESCHEDULE_REQUESTED")
            @QueryParam("show") String show,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        VisitQuery query = new VisitQuery(QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.number("managerId", managerId), QueryParams.number("unitId", unitId),
                QueryParams.number("customerId", customerId), QueryParams.choice(VisitQuery.Show.class, "show", show));
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        List<VisitRow> rows = visits.list(viewer(), query, p * s, s);
        long total = p == 0 && rows.size() < s ? rows.size() : visits.count(viewer(), query);
        return new ResultPage<>(rows, p, s, total);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One visit with its record and follow-up tasks. ETag: its version")
    public RestResponse<VisitDetails> get(@PathParam("id") long id) {
        VisitDetails found = visits.get(viewer(), id);
        return Versions.tagged(found, found.visit().version());
    }

    @POST
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Add a visit by hand")
    public Response create(VisitDraft draft, UriInfo uri) {
        VisitDetails created = visits.create(viewer(), Rest.required(draft));
        return Rest.created(uri, created.visit().id(), created);
    }

    @PUT
    @Path("{id}/date")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Move an open visit to another day (send the version read, body or If-Match); the planner "
            + "keeps it there")
    @APIResponseSchema(value = VisitDetails.class, responseDescription = Versions.CHANGED)
    public RestResponse<VisitDetails> move(@PathParam("id") long id, Move move,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long seen = Versions.required(ifMatch, Rest.required(move).version());
        VisitDetails moved = visits.move(viewer(), id, move.plannedDate(), move.plannedTime(), seen);
        return Versions.tagged(moved, moved.visit().version());
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Confirm an open visit (agreed with the customer)")
    public VisitDetails confirm(@PathParam("id") long id, Confirm confirm) {
        return visits.confirm(viewer(), id, confirm == null ? null : confirm.version());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Cancel an open visit; a reason is required")
    public VisitDetails cancel(@PathParam("id") long id, Cancel cancel) {
        Cancel c = Rest.required(cancel);
        return visits.cancel(viewer(), id, c.reason(), c.version());
    }

    @POST
    @Path("{id}/record")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Record what happened at the visit, with follow-up tasks")
    public VisitDetails record(@PathParam("id") long id, VisitRecordDraft record) {
        return visits.record(viewer(), id, Rest.required(record));
    }

    @POST
    @Path("{id}/response")
    @RolesAllowed(Role.CUSTOMER_NAME)
    @Operation(summary = "The customer confirms the visit or asks to reschedule it")
    public VisitRow respond(@PathParam("id") long id, Answer answer) {
        Answer a = Rest.required(answer);
        return visits.respond(viewer(), id, a.response(), a.note(), a.proposedDate());
    }

    @GET
    @Path("{id}/tasks")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The follow-up tasks of a visit")
    public List<TaskRow> tasks(@PathParam("id") long id) {
        return visits.tasksOf(viewer(), id);
    }

    @POST
    @Path("{id}/tasks")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Add a follow-up task to a visit")
    public Response addTask(@PathParam("id") long id, TaskDraft task, UriInfo uri) {
        TaskRow created = visits.addTask(viewer(), id, Rest.required(task));
        return Rest.created(uri, "api/visit-tasks", created.id(), created);
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
