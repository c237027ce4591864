package cn.keyaccount.notice.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeInbox;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notice history per customer: every message sent to its contacts and inbox. */
@Path("/api/customers/{id}/notices")
@Tag(name = "Notices")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerNoticeResource {

    private final NoticeInbox notices;
    private final SecurityIdentity identity;

    CustomerNoticeResource(NoticeInbox notices, SecurityIdentity identity) {
        this.notices = notices;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Every message sent to one customer, newest first; mobiles masked")
    public ResultPage<MessageDetails> history(@PathParam("id") long id, @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer v = viewer();
        return new ResultPage<>(notices.history(v, id, p * s, s), p, s, notices.countHistory(v, id));
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
