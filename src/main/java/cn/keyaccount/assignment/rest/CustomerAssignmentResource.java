package cn.keyaccount.assignment.rest;

import cn.keyaccount.assignment.AssignmentRecord;
import cn.keyaccount.assignment.AssignmentService;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A customer's assignment history. It lives here, not in the customer resource, so that dependencies point one
 * way: assignment → customer.
 */
@Path("/api/customers/{id}/assignments")
@Tag(name = "Assignments")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerAssignmentResource {

    private final AssignmentService assignments;
    private final SecurityIdentity identity;

    CustomerAssignmentResource(AssignmentService assignments, SecurityIdentity identity) {
        this.assignments = assignments;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "A customer's assignment history, newest first")
    public List<AssignmentRecord> history(@PathParam("id") long customerId) {
        return assignments.history(ViewerIdentity.viewer(identity), customerId);
    }
}
