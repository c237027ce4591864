package cn.keyaccount.visit.rest;

import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.visit.ComplianceRow;
import cn.keyaccount.visit.PlanResult;
import cn.keyaccount.visit.PolicyLine;
import cn.keyaccount.visit.VisitCompliance;
import cn.keyaccount.visit.VisitDates;
import cn.keyaccount.visit.VisitPlanningService;
import cn.keyaccount.visit.VisitPolicyService;
import cn.keyaccount.visit.VisitReminder;
import cn.keyaccount.visit.VisitReminders;
import cn.keyaccount.base.rest.QueryParams;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The visit plan, its policy, compliance figures and the manager's reminders. */
@Path("/api")
@Tag(name = "Visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitPlanningResource {

    /** Months between visits; null for an importance level that does not raise the frequency. */
    public record PolicyChange(Integer intervalMonths, Long version) {
    }

    private final VisitPlanningService planning;
    private final VisitPolicyService policy;
    private final VisitCompliance compliance;
    private final VisitReminders reminders;
    private final SecurityIdentity identity;

    VisitPlanningResource(VisitPlanningService planning, VisitPolicyService policy, VisitCompliance compliance,
                          VisitReminders reminders, SecurityIdentity identity) {
        this.planning = planning;
        this.policy = policy;
        this.compliance = compliance;
        this.reminders = reminders;
        this.identity = identity;
    }

    @POST
    @Path("visit-plan")
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.MANAGER_NAME})
    @Operation(summary = "Rebuild the rolling plan of every manager in the caller's reach (a manager: their own)")
    public PlanResult planAll() {
        return planning.regenerateAll(viewer());
    }

    @POST
    @Path("visit-plan/{managerId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.MANAGER_NAME})
    @Operation(summary = "Rebuild one manager's rolling plan")
    public PlanResult plan(@PathParam("managerId") long managerId) {
        return planning.regenerate(viewer(), managerId);
    }

    @GET
    @Path("visit-policy")
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.MANAGER_NAME, Role.SCHEDULER_NAME})
    @Operation(summary = "The visit policy: months between visits per tier and importance level")
    public List<PolicyLine> policy() {
        return policy.lines();
    }

    @PUT
    @Path("visit-policy/{subject}")
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
    @Operation(summary = "Change one line of the visit policy (supervisors)")
    public PolicyLine changePolicy(@PathParam("subject") String subject, PolicyChange change) {
        PolicyChange c = VisitResource.required(change);
        return policy.change(viewer(), subject, c.intervalMonths(), c.version());
    }

    @GET
    @Path("visit-compliance")
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.SCHEDULER_NAME})
    @Operation(summary = "Visit compliance per MANAGER, UNIT or MONTH for planned dates from/to (default this month)")
    public List<ComplianceRow> compliance(@QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("by") String by) {
        LocalDate today = VisitDates.today();
        LocalDate f = VisitResource.date("from", from);
        LocalDate t = VisitResource.date("to", to);
        VisitCompliance.GroupBy g = QueryParams.choice(VisitCompliance.GroupBy.class, "by", by);
        return compliance.rows(viewer(), f == null ? today.withDayOfMonth(1) : f,
                t == null ? today.withDayOfMonth(today.lengthOfMonth()) : t,
                g == null ? VisitCompliance.GroupBy.MANAGER : g);
    }

    @GET
    @Path("visit-reminders")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "The caller's visits tomorrow (Asia/Shanghai)")
    public List<VisitReminder> reminders() {
        return reminders.forManager(viewer());
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
