package cn.keyaccount.visit.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.visit.TaskRow;
import cn.keyaccount.visit.VisitService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Follow-up tasks across visits: the open ones in the caller's reach, and closing one. */
@Path("/api/visit-tasks")
@Tag(name = "Visits")
@Produces(MediaType.APPLICATION_JSON)
public class VisitTaskResource {

    private final VisitService visits;
    private final SecurityIdentity identity;

    VisitTaskResource(VisitService visits, SecurityIdentity identity) {
        this.visits = visits;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Open follow-up tasks by due date; overdue=true for the overdue ones only")
    public List<TaskRow> open(@QueryParam("overdue") boolean overdue, @QueryParam("managerId") String managerId,
                              @QueryParam("page") String page, @QueryParam("size") String size) {
        int s = QueryParams.size(size);
        return visits.tasks(ViewerIdentity.viewer(identity), overdue, QueryParams.number("managerId", managerId),
                QueryParams.page(page) * s, s);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Close a follow-up task (done)")
    public TaskRow close(@PathParam("id") long id) {
        return visits.closeTask(ViewerIdentity.viewer(identity), id);
    }
}
