package cn.keyaccount.application.rest;

import cn.keyaccount.application.ApplicationDashboard;
import cn.keyaccount.application.ApplicationDetails;
import cn.keyaccount.application.DashboardSummary;
import cn.keyaccount.base.Messages;
import cn.keyaccount.application.ApplicationDocuments;
import cn.keyaccount.application.DocumentDetails;
import cn.keyaccount.application.DocumentFile;
import cn.keyaccount.application.DocumentType;
import cn.keyaccount.application.ApplicationDraft;
import cn.keyaccount.application.ApplicationKind;
import cn.keyaccount.application.ApplicationRow;
import cn.keyaccount.application.ApplicationSchemes;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.application.ApplicationStatus;
import cn.keyaccount.application.ApplicationStep;
import cn.keyaccount.application.ApplicationTaskService;
import cn.keyaccount.application.ClocksRecomputed;
import cn.keyaccount.application.InboxTask;
import cn.keyaccount.application.TaskDetails;
import cn.keyaccount.application.StopReason;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.base.rest.Versions;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * 业扩 applications: the list (overdue first), one application with its steps, limits, used working days and clock
 * stops, starting one (staff for their customers, a customer for its own accounts), and running it — completing the
 * current step, stopping and restarting the clock, cancelling. Every change sends the version read (body or
 * If-Match): 409 when someone changed it meanwhile, or when the application is closed or the step not the current one.
 */
@Path("/api/applications")
@Tag(name = "Connection applications", description = "业扩报装: applications, steps, working-day clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A change on the version read. */
    public record Seen(Long version) {
    }

    /** Stop the clock: why (DOCUMENTS_MISSING, CUSTOMER_WORKS, CUSTOMER_REQUEST) and a note. */
    public record ClockStopRequest(StopReason reason, String note, Long version) {
    }

    public record Cancellation(String reason, Long version) {
    }

    /** Hand a task to a staff user with a due date. */
    public record Assignment(Long ownerId, java.time.LocalDate dueOn, Long version) {
    }

    public record TaskResult(String result, Long version) {
    }

    private final ApplicationService applications;
    private final ApplicationTaskService tasks;
    private final ApplicationDocuments documents;
    private final ApplicationDashboard dashboard;
    private final ApplicationSchemes schemes;
    private final Clock clock;
    private final SecurityIdentity identity;

    ApplicationResource(ApplicationService applications, ApplicationTaskService tasks, ApplicationDocuments documents,
                        ApplicationDashboard dashboard, ApplicationSchemes schemes, Clock clock,
                        SecurityIdentity identity) {
        this.schemes = schemes;
        this.dashboard = dashboard;
        this.clock = clock;
        this.applications = applications;
        this.tasks = tasks;
        this.documents = documents;
        this.identity = identity;
    }

    @POST
    @Path("clocks")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Recompute the clock of every open application now (after a holiday-calendar edit; the "
            + "nightly job application-clocks does the same): how many, how many changed and were written, the SQL "
            + "statements and their time, the server's milliseconds")
    public ClocksRecomputed recompute() {
        return applications.recomputeOpen();
    }

    @GET
    @Path("{id}/documents")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The checklist of the application's kind, what was told missing (once), the uploaded files")
    public DocumentDetails documents(@PathParam("id") long id) {
        return documents.of(viewer(), id);
    }

    /** 一次性告知: the missing documents of the checklist, all at once, in the contact's language (zh, en). */
    public record MissingDocuments(List<DocumentType> types, String language, Long version) {
    }

    @POST
    @Path("{id}/documents/missing")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Tell the customer once (SMS and portal inbox) every missing document; stops the clock")
    @APIResponse(responseCode = "200", description = "told: the documents with the missing ones marked")
    @APIResponse(responseCode = "409", description = "already told once, closed, or changed meanwhile")
    public DocumentDetails tellMissing(@PathParam("id") long id, MissingDocuments request) {
        MissingDocuments m = Rest.required(request);
        return documents.tellMissing(viewer(), id, m.types(), m.language(), m.version());
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Upload a document of the checklist (type, file = its name); PDF, JPEG or PNG by content, "
            + "at most 10 MB, not empty")
    @APIResponse(responseCode = "201", description = "stored; Location: the document")
    @APIResponse(responseCode = "422", description = "empty, too large, a refused type, or not on the checklist")
    public Response upload(@PathParam("id") long id, @QueryParam("type") String type,
                           @QueryParam("file") String file, java.io.InputStream body, UriInfo uri) {
        DocumentType which = QueryParams.choice(DocumentType.class, "type", type);
        byte[] content;
        try {
            content = body == null ? new byte[0] : body.readNBytes(ApplicationDocuments.MAX_UPLOAD_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        DocumentDetails.FileRow stored = documents.upload(viewer(), id, which, file, content);
        return Rest.created(uri, stored.id(), stored);
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Download an uploaded document")
    public Response download(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        DocumentFile d = documents.download(viewer(), id, documentId);
        String name = java.net.URLEncoder.encode(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("{id}/supply-scheme.docx")
    @Produces({DOCX, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The 供电方案答复单 as DOCX (capacity, voltage, supply lines, metering, tariff, the yearly "
            + "basic charge of each mode), from the 供电方案答复 step on; in the language asked for (Accept-Language)")
    @APIResponse(responseCode = "200", description = "the document")
    @APIResponse(responseCode = "404", description = "absent, or not the caller's to see")
    @APIResponse(responseCode = "409", description = "the application has not reached its 供电方案答复 step, or its "
            + "kind has none")
    public Response supplyScheme(@PathParam("id") long id, HttpHeaders headers) {
        ApplicationSchemes.SchemeFile file = schemes.write(viewer(), id, locale(headers));
        String name = java.net.URLEncoder.encode(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return Response.ok(file.content(), DOCX)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name).build();
    }

    private static java.util.Locale locale(HttpHeaders headers) {
        return headers.getAcceptableLanguages().isEmpty()
                || !headers.getAcceptableLanguages().getFirst().getLanguage().equals("en")
                ? Messages.CHINESE : Messages.ENGLISH;
    }

    @GET
    @Path("dashboard")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Open applications by step, working days of completed ones per kind and voltage (average, "
            + "90th percentile, limit), on-time rate per manager, unit and month; completed from..to (default: the "
            + "last 12 months)")
    public DashboardSummary dashboard(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] period = period(from, to);
        return dashboard.summarise(viewer(), period[0], period[1]);
    }

    @GET
    @Path("dashboard.xlsx")
    @Produces(XLSX)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "The dashboard as an XLSX workbook (three sheets)")
    public Response dashboardWorkbook(@QueryParam("from") String from, @QueryParam("to") String to,
                                      HttpHeaders headers) {
        LocalDate[] period = period(from, to);
        java.util.Locale locale = headers.getAcceptableLanguages().isEmpty() ? Messages.CHINESE
                : headers.getAcceptableLanguages().getFirst();
        byte[] xlsx = dashboard.workbook(dashboard.summarise(viewer(), period[0], period[1]),
                key -> Messages.get(locale, key));
        return Response.ok(xlsx, XLSX).header("Content-Disposition",
                "attachment; filename=\"application-dashboard.xlsx\"").build();
    }

    private LocalDate[] period(String from, String to) {
        LocalDate end = QueryParams.date("to", to);
        LocalDate start = QueryParams.date("from", from);
        LocalDate last = end != null ? end : LocalDate.now(clock);
        return new LocalDate[] {start != null ? start : last.minusMonths(12), last};
    }

    @GET
    @Path("my-tasks")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The caller's open tasks of open applications, the earliest due first (the inbox)")
    public List<InboxTask> myTasks() {
        return tasks.inbox(viewer(), 200);
    }

    @GET
    @Path("{id}/tasks")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The tasks of the application's steps with owner, due date and result")
    public List<TaskDetails> tasks(@PathParam("id") long id) {
        return tasks.list(viewer(), id);
    }

    @POST
    @Path("{id}/tasks/{taskId}/assign")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Hand a task to a staff user with a due date (who runs the application)")
    public TaskDetails assign(@PathParam("id") long id, @PathParam("taskId") long taskId, Assignment request) {
        Assignment a = Rest.required(request);
        return tasks.assign(viewer(), id, taskId, a.ownerId(), a.dueOn(), a.version());
    }

    @POST
    @Path("{id}/tasks/{taskId}/result")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Record a task's result once (its owner, or who runs the application); who and when kept")
    public TaskDetails result(@PathParam("id") long id, @PathParam("taskId") long taskId, TaskResult request) {
        TaskResult r = Rest.required(request);
        return tasks.recordResult(viewer(), id, taskId, r.result(), r.version());
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The applications the caller may see: overdue first, then open ones by due date, then "
            + "closed ones. kind takes the slug (capacity-increase) or the name; open/overdue: true to narrow")
    public ResultPage<ApplicationRow> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                           @QueryParam("customerId") String customerId, @QueryParam("q") String q,
                                           @QueryParam("open") String open, @QueryParam("overdue") String overdue,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        ApplicationService.ApplicationFilter filter = new ApplicationService.ApplicationFilter(
                QueryParams.choice(ApplicationStatus.class, "status", status), kind(kind),
                QueryParams.number("customerId", customerId), q, flag("open", open), flag("overdue", overdue));
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        return new ResultPage<>(applications.list(viewer, filter, p * s, s), p, s, applications.count(viewer, filter));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One application with its steps, limits, used working days and clock stops. ETag: version")
    @APIResponse(responseCode = "200", description = "the application")
    @APIResponse(responseCode = "404", description = "absent, or not the caller's to see")
    public RestResponse<ApplicationDetails> get(@PathParam("id") long id) {
        ApplicationDetails found = applications.get(viewer(), id);
        return Versions.tagged(found, found.version());
    }

    @POST
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Start an application, accepted today; voltage and single/dual supply from the customer")
    @APIResponse(responseCode = "201", description = "accepted; Location: the new application")
    @APIResponse(responseCode = "422", description = "a field is missing or out of range (named in fields)")
    public Response create(ApplicationDraft draft, UriInfo uri) {
        ApplicationDetails created = applications.create(viewer(), Rest.required(draft));
        return Rest.created(uri, created.id(), created);
    }

    @POST
    @Path("{id}/steps/{step}/complete")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Complete the current step (acceptance, scheme-reply, external-works, power-on, change); the "
            + "last one applies the master-data changes")
    @APIResponse(responseCode = "200", description = "the step is done; the application as it is now")
    @APIResponse(responseCode = "409", description = "not the current step, already done, clock stopped, closed, "
            + "or changed meanwhile")
    public RestResponse<ApplicationDetails> complete(@PathParam("id") long id, @PathParam("step") String step,
            Seen seen, @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ApplicationStep which = ApplicationStep.fromSlug(step);
        if (which == null) {
            throw BusinessException.notFound("error.application-step-required");
        }
        long version = Versions.required(ifMatch, seen == null ? null : seen.version());
        ApplicationDetails changed = applications.completeStep(viewer(), id, which, version);
        return Versions.tagged(changed, changed.version());
    }

    @POST
    @Path("{id}/clock/stop")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Stop the clock while the company waits on the customer, with the reason")
    public RestResponse<ApplicationDetails> stop(@PathParam("id") long id, ClockStopRequest request,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ClockStopRequest r = Rest.required(request);
        long version = Versions.required(ifMatch, r.version());
        ApplicationDetails changed = applications.stopClock(viewer(), id, r.reason(), r.note(), version);
        return Versions.tagged(changed, changed.version());
    }

    @POST
    @Path("{id}/clock/restart")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Restart the clock; the stop is kept with its end date")
    public RestResponse<ApplicationDetails> restart(@PathParam("id") long id, Seen seen,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = Versions.required(ifMatch, seen == null ? null : seen.version());
        ApplicationDetails changed = applications.restartClock(viewer(), id, version);
        return Versions.tagged(changed, changed.version());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Cancel an open application with the reason; a closed application never changes again")
    public RestResponse<ApplicationDetails> cancel(@PathParam("id") long id, Cancellation request,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Cancellation c = Rest.required(request);
        long version = Versions.required(ifMatch, c.version());
        ApplicationDetails changed = applications.cancel(viewer(), id, c.reason(), version);
        return Versions.tagged(changed, changed.version());
    }

    private static ApplicationKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        ApplicationKind kind = ApplicationKind.fromSlug(value);
        if (kind == null) {
            return QueryParams.choice(ApplicationKind.class, "kind", value);
        }
        return kind;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            QueryParams.choice(Flag.class, name, value);
        }
        return value.equalsIgnoreCase("true");
    }

    /** The accepted values of a yes/no query parameter, for the 400 that names them. */
    private enum Flag { TRUE, FALSE }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
