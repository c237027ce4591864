package cn.keyaccount.servicerequest.rest;

import cn.keyaccount.base.rest.InvalidParameterException;
import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.servicerequest.AttachmentFile;
import cn.keyaccount.servicerequest.AttachmentRow;
import cn.keyaccount.servicerequest.HandOff;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestFilter;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.RequestStatus;
import cn.keyaccount.servicerequest.RequestAttachmentService;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ReturnVisitService;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service requests (客户诉求工单): raised by phone, from the portal or from a visit's 诉求, handed across units and
 * persons, commented, closed with an answer, reopened. Who sees a request is the service's: out of sight is absent
 * (404), read-only is refused (403); a closed request answers 409 to any change but a reopening; a complaint closed
 * by the person it is about answers 403. Changes of state name the version read (body or If-Match; none: 428).
 */
@Path("/api/service-requests")
@Tag(name = "Service requests", description = "Repairs, questions, service applications, complaints and praise")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceRequestResource {

    /** A state change made on the version read. */
    public record Step(Long version) {
    }

    /** The answer given to the customer when closing. */
    public record Close(String answer, Long version) {
    }

    /** Why a closed request is reopened. */
    public record Reopen(String reason, Long version) {
    }

    public record Comment(String text) {
    }

    /** A return visit (回访): satisfaction 1–5 and the customer's words (required for 1–2). */
    public record ReturnVisitBody(Integer satisfaction, String comment, Long version) {
    }

    private final ServiceRequestService requests;
    private final ServiceRequestQueries queries;
    private final ReturnVisitService returnVisits;
    private final RequestAttachmentService attachments;
    private final SecurityIdentity identity;

    ServiceRequestResource(ServiceRequestService requests, ServiceRequestQueries queries,
                           ReturnVisitService returnVisits, RequestAttachmentService attachments,
                           SecurityIdentity identity) {
        this.requests = requests;
        this.queries = queries;
        this.returnVisits = returnVisits;
        this.attachments = attachments;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The requests the caller may see, newest first")
    public ResultPage<RequestRow> list(
            @Parameter(description = "in the subject, customer name or account number") @QueryParam("text") String text,
            @QueryParam("type") String type, @QueryParam("status") String status,
            @Parameter(description = "true: only requests not closed") @QueryParam("open") String open,
            @QueryParam("customerId") String customerId,
            @Parameter(description = "true: only those the caller owns") @QueryParam("mine") String mine,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        RequestFilter filter = new RequestFilter(text, QueryParams.choice(RequestType.class, "type", type),
                QueryParams.choice(RequestStatus.class, "status", status), flag("open", open),
                QueryParams.number("customerId", customerId), flag("mine", mine));
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        return new ResultPage<>(queries.list(viewer, filter, p * s, s), p, s, queries.count(viewer, filter));
    }

    @GET
    @Path("inbox")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The caller's inbox: open requests they own (a supervisor's: also those waiting in their "
            + "units), oldest first")
    public List<RequestRow> inbox() {
        return queries.inbox(viewer(), QueryParams.MAX_SIZE);
    }

    @POST
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Raise a request: staff for a customer they may change (a phone call), a customer user for "
            + "their own account (the portal)")
    public Response create(RequestDraft draft, UriInfo uri) {
        RequestDetails created = requests.create(viewer(), Rest.required(draft));
        return Rest.created(uri, created.request().id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One request with its history (a customer sees the steps meant for them)")
    public RequestDetails get(@PathParam("id") long id) {
        return queries.get(viewer(), id);
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Start handling an open or reopened request (the first contact)")
    public RequestDetails start(@PathParam("id") long id, Step body,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return requests.start(viewer(), id, Versions.required(ifMatch, body == null ? null : body.version()));
    }

    @POST
    @Path("{id}/hand-off")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Hand the request to another person or unit with a note")
    public RequestDetails handOff(@PathParam("id") long id, HandOff body,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        HandOff h = Rest.required(body);
        long version = Versions.required(ifMatch, h.version());
        return requests.handOff(viewer(), id, new HandOff(h.toUserId(), h.toUnitId(), h.note(), version));
    }

    @POST
    @Path("{id}/comments")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Comment on an open request")
    public RequestDetails comment(@PathParam("id") long id, Comment body) {
        return requests.comment(viewer(), id, Rest.required(body).text());
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Close with the answer given to the customer (not by the person a complaint is about)")
    public RequestDetails close(@PathParam("id") long id, Close body,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Close c = Rest.required(body);
        return requests.close(viewer(), id, c.answer(), Versions.required(ifMatch, c.version()));
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Reopen a closed request, saying why")
    public RequestDetails reopen(@PathParam("id") long id, Reopen body,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Reopen r = Rest.required(body);
        return requests.reopen(viewer(), id, r.reason(), Versions.required(ifMatch, r.version()));
    }

    @POST
    @Path("{id}/return-visit")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Record the return visit (回访) of a closed request: the customer for their own, staff who "
            + "may handle it; 1–2 reopens it for the supervisor")
    @APIResponse(responseCode = "200", description = "recorded (reopened when 1–2)")
    @APIResponse(responseCode = "409", description = "not closed, already recorded for this closing, or changed")
    @APIResponse(responseCode = "422", description = "satisfaction not 1–5, or 1–2 without a comment")
    public RequestDetails returnVisit(@PathParam("id") long id, ReturnVisitBody body,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ReturnVisitBody b = Rest.required(body);
        return returnVisits.record(viewer(), id, b.satisfaction(), b.comment(),
                Versions.required(ifMatch, b.version()));
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Attach a file to an open request (file = its name): PDF, JPEG or PNG by content, at most "
            + "5 MB, not empty, at most 10 a request")
    @APIResponse(responseCode = "201", description = "stored; Location: the file")
    @APIResponse(responseCode = "409", description = "the request is closed")
    @APIResponse(responseCode = "422", description = "empty, too large, a refused type, or too many files")
    public Response attach(@PathParam("id") long id, @QueryParam("file") String file, InputStream body,
                           UriInfo uri) {
        byte[] content;
        try {
            content = body == null ? new byte[0] : body.readNBytes(RequestAttachmentService.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AttachmentRow stored = attachments.attach(viewer(), id, file, content);
        return Rest.created(uri, stored.id(), stored);
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Download a file attached to a request")
    public Response download(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        AttachmentFile f = attachments.download(viewer(), id, attachmentId);
        String name = URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(f.content(), f.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name);
        };
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
