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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's inbox: for a customer user the notices delivered to their accounts, for staff their own messages. */
@Path("/api/inbox")
@Tag(name = "Notices")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final NoticeInbox notices;
    private final SecurityIdentity identity;

    InboxResource(NoticeInbox notices, SecurityIdentity identity) {
        this.notices = notices;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The caller's inbox, newest first: a customer user's portal inbox (notices delivered to "
            + "their accounts), or a staff user's own in-app messages (reminders)")
    public ResultPage<MessageDetails> inbox(@QueryParam("page") String page, @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer v = viewer();
        if (!v.isCustomer()) {
            return new ResultPage<>(notices.staffInbox(v, p * s, s), p, s, notices.countStaffInbox(v));
        }
        return new ResultPage<>(notices.inbox(v, p * s, s), p, s, notices.countInbox(v));
    }

    @POST
    @Path("{messageId}/read")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Mark one of the caller's inbox messages read (kept as proof that it was seen)")
    public Response read(@PathParam("messageId") long messageId) {
        notices.markRead(viewer(), messageId);
        return Response.noContent().build();
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
