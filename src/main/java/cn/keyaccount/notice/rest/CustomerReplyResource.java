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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One customer's SMS replies, for staff who may see the customer. */
@Path("/api/customers/{id}/replies")
@Tag(name = "Notices")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerReplyResource {

    private final ReplyQueries replies;
    private final SecurityIdentity identity;

    CustomerReplyResource(ReplyQueries replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "One customer's replies, newest first")
    @APIResponse(responseCode = "200", description = "One page of the customer's replies")
    @APIResponse(responseCode = "404", description = "No customer with this id that the caller may see")
    public ResultPage<ReplyRow> ofCustomer(@PathParam("id") long id, @QueryParam("page") String page,
                                           @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int n = QueryParams.size(size);
        Viewer v = viewer();
        return new ResultPage<>(replies.ofCustomer(v, id, p * n, n), p, n, replies.countOfCustomer(v, id));
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
