package cn.keyaccount.visit.rest;

import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.visit.PlanResult;
import cn.keyaccount.visit.VisitPlanningService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuilding the rolling visit plan. */
@Path("/api/visit-plan")
@Tag(name = "Visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitPlanningResource {

    private final VisitPlanningService planning;
    private final SecurityIdentity identity;

    VisitPlanningResource(VisitPlanningService planning, SecurityIdentity identity) {
        this.planning = planning;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Rebuild the rolling plan of every manager in the caller's reach (a manager: their own)")
    public PlanResult planAll() {
        return planning.regenerateAll(viewer());
    }

    @POST
    @Path("{managerId}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Rebuild one manager's rolling plan")
    public PlanResult plan(@PathParam("managerId") long managerId) {
        return planning.regenerate(viewer(), managerId);
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
