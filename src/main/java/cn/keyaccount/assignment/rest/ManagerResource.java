package cn.keyaccount.assignment.rest;

import cn.keyaccount.assignment.AssignmentService;
import cn.keyaccount.assignment.ManagerWorkload;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The account managers a supervisor balances work between. */
@Path("/api/managers")
@Tag(name = "Assignments")
@Produces(MediaType.APPLICATION_JSON)
public class ManagerResource {

    private final AssignmentService assignments;
    private final SecurityIdentity identity;

    ManagerResource(AssignmentService assignments, SecurityIdentity identity) {
        this.assignments = assignments;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "The account managers in the caller's part of the organisation with their workload")
    public List<ManagerWorkload> managers() {
        return assignments.workloads(ViewerIdentity.viewer(identity));
    }
}
