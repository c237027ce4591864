package cn.keyaccount.supplyplan.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.supplyplan.BookingRequest;
import cn.keyaccount.supplyplan.BookingDetails;
import cn.keyaccount.supplyplan.EventType;
import cn.keyaccount.supplyplan.FleetService;
import cn.keyaccount.supplyplan.PlanAction;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanDraft;
import cn.keyaccount.supplyplan.PlanLevel;
import cn.keyaccount.supplyplan.PlanRow;
import cn.keyaccount.supplyplan.PlanStatus;
import cn.keyaccount.supplyplan.PlanTaskService;
import cn.keyaccount.supplyplan.SupplyPlanDocument;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.supplyplan.TaskDraft;
import cn.keyaccount.supplyplan.TaskDetails;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Supply-guarantee plans with their checklist tasks and truck bookings. The services decide visibility (another's
 * plan, or a draft for a customer user, is absent: 404) and who may take which step (403).
 */
@Path("/api/supply-plans")
@Tag(name = "Supply-guarantee plans", description = "保供电预案: plans, workflow, checklist tasks, truck bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupplyPlanResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A new plan from the template of its event type (or, with copyOf, as a copy of an earlier plan). */
    public record NewPlan(Long customerId, EventType eventType, String eventName, PlanLevel level,
                          OffsetDateTime startsAt, OffsetDateTime endsAt, Long copyOf) {
    }

    /** A workflow step: SUBMIT, APPROVE, REJECT (comment required), ACTIVATE or CLOSE. */
    public record Step(PlanAction action, String comment) {
    }

    public record Done(boolean done) {
    }

    private final SupplyPlanService plans;
    private final PlanTaskService tasks;
    private final FleetService fleet;
    private final SupplyPlanDocument document;
    private final SecurityIdentity identity;

    SupplyPlanResource(SupplyPlanService plans, PlanTaskService tasks, FleetService fleet,
                       SupplyPlanDocument document, SecurityIdentity identity) {
        this.plans = plans;
        this.tasks = tasks;
        this.fleet = fleet;
        this.document = document;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The plans the caller may see, newest period first (superseded revisions unless asked)")
    public ResultPage<PlanRow> list(@QueryParam("status") String status, @QueryParam("customerId") String customerId,
                                    @QueryParam("q") String q, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        SupplyPlanService.PlanFilter filter = new SupplyPlanService.PlanFilter(
                QueryParams.choice(PlanStatus.class, "status", status), QueryParams.number("customerId", customerId),
                q);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        return new ResultPage<>(plans.list(viewer, filter, p * s, s), p, s, plans.count(viewer, filter));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One plan with its content, tasks, bookings, history and the steps open to the caller. "
            + "ETag: its version")
    public RestResponse<PlanDetails> get(@PathParam("id") long id) {
        PlanDetails found = plans.get(viewer(), id);
        return Versions.tagged(found, found.version());
    }

    @POST
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Start a draft from the event type's template, or as a copy of an earlier plan (copyOf)")
    public Response create(NewPlan n, UriInfo uri) {
        Rest.required(n);
        PlanDetails created = n.copyOf() != null
                ? plans.copy(viewer(), n.copyOf(), n.eventName(), n.startsAt(), n.endsAt())
                : plans.createFromTemplate(viewer(), n.customerId(), n.eventType(),
                n.eventName(), n.level(), n.startsAt(), n.endsAt());
        return Rest.created(uri, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Change a draft; send the version you read (body or If-Match). An approved plan changes only "
            + "by a revision")
    @APIResponseSchema(value = PlanDetails.class, responseDescription = Versions.CHANGED)
    public RestResponse<PlanDetails> update(@PathParam("id") long id, PlanDraft draft,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long seen = Versions.required(ifMatch, Rest.required(draft).version());
        PlanDetails changed = plans.update(viewer(), id, draft.withVersion(seen));
        return Versions.tagged(changed, changed.version());
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Take a workflow step; kept in the plan's history with who, when and the comment")
    public PlanDetails step(@PathParam("id") long id, Step step) {
        Rest.required(step);
        return plans.transition(viewer(), id, step.action(), step.comment());
    }

    @POST
    @Path("{id}/revisions")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Start a new revision (a draft) of an approved or active plan")
    public Response revise(@PathParam("id") long id, UriInfo uri) {
        PlanDetails next = plans.revise(viewer(), id);
        return Rest.created(uri, "api/supply-plans", next.id(), next);
    }

    @GET
    @Path("{id}/document")
    @Produces(DOCX)
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The plan as a Word document (DOCX) from the restylable template")
    public Response document(@PathParam("id") long id, HttpHeaders headers) {
        Viewer viewer = viewer();
        PlanDetails p = plans.get(viewer, id);
        List<Locale> accepted = headers.getAcceptableLanguages();
        Locale locale = accepted.isEmpty() ? Locale.SIMPLIFIED_CHINESE : accepted.getFirst();
        String name = URLEncoder.encode(SupplyPlanDocument.fileName(p), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(document.write(viewer, id, locale), DOCX)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name).build();
    }

    @GET
    @Path("{id}/tasks")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The plan's checklist tasks, by due date")
    public List<TaskDetails> tasks(@PathParam("id") long id) {
        return tasks.list(viewer(), id);
    }

    @POST
    @Path("{id}/tasks")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Add a checklist task to a draft")
    public Response addTask(@PathParam("id") long id, TaskDraft draft, UriInfo uri) {
        TaskDetails created = tasks.add(viewer(), id, Rest.required(draft));
        return Rest.created(uri, created.id(), created);
    }

    @PUT
    @Path("{id}/tasks/{taskId}/done")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Tick a task off or reopen it (the plan's writers, or the user the task is assigned to)")
    public TaskDetails done(@PathParam("id") long id, @PathParam("taskId") long taskId, Done done) {
        return tasks.setDone(viewer(), id, taskId, done == null || done.done());
    }

    @DELETE
    @Path("{id}/tasks/{taskId}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Remove a task from a draft")
    public Response removeTask(@PathParam("id") long id, @PathParam("taskId") long taskId) {
        tasks.remove(viewer(), id, taskId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/bookings")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The generator trucks booked for the plan")
    public List<BookingDetails> bookings(@PathParam("id") long id) {
        return fleet.bookingsOf(viewer(), id);
    }

    @POST
    @Path("{id}/bookings")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Book a truck for [startsAt, endsAt) (default: the plan's period); 409 naming the plan "
            + "holding it when the periods overlap")
    public Response book(@PathParam("id") long id, BookingRequest request, UriInfo uri) {
        BookingDetails created = fleet.book(viewer(), id, Rest.required(request));
        return Rest.created(uri, created.id(), created);
    }

    @DELETE
    @Path("{id}/bookings/{bookingId}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Cancel a booking")
    public Response cancel(@PathParam("id") long id, @PathParam("bookingId") long bookingId) {
        fleet.cancel(viewer(), id, bookingId);
        return Response.noContent().build();
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
