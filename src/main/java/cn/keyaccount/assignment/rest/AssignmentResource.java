package cn.keyaccount.assignment.rest;

import cn.keyaccount.assignment.AssignmentRecord;
import cn.keyaccount.assignment.AssignmentService;
import cn.keyaccount.assignment.Reassignment;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reassignment of customers to account managers (服务对应关系), by supervisors and administrators. */
@Path("/api/assignments")
@Tag(name = "Assignments", description = "Account managers' portfolios and their history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private final AssignmentService assignments;
    private final SecurityIdentity identity;

    AssignmentResource(AssignmentService assignments, SecurityIdentity identity) {
        this.assignments = assignments;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "Give customers a new primary (and backup) manager; all or nothing, returns the new records")
    public List<AssignmentRecord> reassign(Reassignment reassignment) {
        return assignments.reassign(ViewerIdentity.viewer(identity), Rest.required(reassignment));
    }
}
