package cn.keyaccount.notice.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.notice.ReplyQueries;
import cn.keyaccount.notice.ReplyRow;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customers' SMS replies (上行短信), each with the message it answers, as the notice centre lists them (one
 * customer's: {@link CustomerReplyResource}). Staff only; unmatched replies only for administrators and schedulers.
 */
@Path("/api/replies")
@Tag(name = "Notices")
@Produces(MediaType.APPLICATION_JSON)
public class ReplyResource {

    private final ReplyQueries replies;
    private final SecurityIdentity identity;

    ReplyResource(ReplyQueries replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Replies, newest first: show ALL (default), MATCHED or UNMATCHED; q searches text and mobile")
    @APIResponse(responseCode = "200", description = "One page of replies the caller may see")
    @APIResponse(responseCode = "403", description = "show=UNMATCHED asked by someone who is no administrator or "
            + "scheduler")
    public ResultPage<ReplyRow> list(@QueryParam("show") String show, @QueryParam("q") String search,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        ReplyQueries.Show s = show == null ? ReplyQueries.Show.ALL
                : QueryParams.choice(ReplyQueries.Show.class, "show", show);
        int p = QueryParams.page(page);
        int n = QueryParams.size(size);
        Viewer v = viewer();
        return new ResultPage<>(replies.list(v, s, search, p * n, n), p, n, replies.count(v, s, search));
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
