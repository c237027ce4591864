package cn.keyaccount.notice.rest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeDecisions;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.notice.TemplatePreview;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Notices: schedule one, follow its progress message by message, retry the failed ones (all or one), decide the
 * uncertain ones; template previews. The notice centre's rules: a notice out of the caller's reach is absent.
 */
@Path("/api/notices")
@Tag(name = "Notices", description = "SMS, e-mail and portal notices with their delivery proof")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    /** A scheduler's decision on an UNCERTAIN message: send it again, or count it as sent. */
    public record Decision(Boolean resend) {
    }

    private final NoticeService notices;
    private final NoticeQueries queries;
    private final NoticeDecisions decisions;
    private final SecurityIdentity identity;

    NoticeResource(NoticeService notices, NoticeQueries queries, NoticeDecisions decisions,
                   SecurityIdentity identity) {
        this.notices = notices;
        this.queries = queries;
        this.decisions = decisions;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Schedule a notice to customers or contacts; it fans out into one message per contact "
            + "and channel at once. 422 when its SMS would take more than 10 parts (670 characters), a value is "
            + "longer than 4,000 characters or a recipient list longer than 10,000")
    public Response schedule(NoticeRequest request, UriInfo uri) {
        NoticeSummary created = notices.compose(viewer(), Rest.required(request));
        return Rest.created(uri, created.id(), created);
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The notices the caller may follow, newest first, with counts per message state")
    public ResultPage<NoticeSummary> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer v = viewer();
        return new ResultPage<>(queries.list(v, p * s, s), p, s, queries.count(v));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "One notice with counts per message state")
    public NoticeSummary get(@PathParam("id") long id) {
        return queries.get(viewer(), id);
    }

    @GET
    @Path("{id}/messages")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "A notice's messages with state, attempts, provider message id, receipt time and error")
    public ResultPage<MessageDetails> messages(@PathParam("id") long id, @QueryParam("state") String state,
                                            @QueryParam("page") String page, @QueryParam("size") String size) {
        MessageState st = QueryParams.choice(MessageState.class, "state", state);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer v = viewer();
        return new ResultPage<>(queries.messages(v, id, st, p * s, s), p, s, queries.countMessages(v, id, st));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Put the notice's failed messages back in the queue; answers how many")
    public Map<String, Integer> retry(@PathParam("id") long id) {
        return Map.of("requeued", decisions.retryFailed(viewer(), id));
    }

    @POST
    @Path("{id}/messages/{messageId}/retry")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Put one failed message back in the queue with fresh attempts; answers the message as it is "
            + "now (409 unless it failed and has not expired)")
    public MessageDetails retryMessage(@PathParam("id") long id, @PathParam("messageId") long messageId) {
        Viewer v = viewer();
        decisions.retryMessage(v, id, messageId);
        return queries.message(v, id, messageId);
    }

    @POST
    @Path("{id}/messages/{messageId}/decision")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Decide an UNCERTAIN message (its node died after asking the provider, no receipt came): "
            + "{\"resend\": true} sends it again, knowing it may arrive twice; false counts it as sent. Answers the "
            + "message as it is now (409 unless uncertain, 422 without resend)")
    public MessageDetails decide(@PathParam("id") long id, @PathParam("messageId") long messageId, Decision decision) {
        if (Rest.required(decision).resend() == null) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("resend",
                    "error.required")));
        }
        Viewer v = viewer();
        decisions.resolveUncertain(v, id, messageId, decision.resend());
        return queries.message(v, id, messageId);
    }

    @GET
    @Path("templates")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The template keys of scheduler/templates")
    public List<String> templates() {
        return notices.templateKeys();
    }

    @POST
    @Path("templates/{key}/preview")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "A template filled with the given values, with its SMS segment count")
    public TemplatePreview preview(@PathParam("key") String key, @QueryParam("language") String language,
                                   Map<String, String> values) {
        return notices.preview(key, language, values);
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
