package cn.keyaccount.visit.rest;

import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.visit.ComplianceRow;
import cn.keyaccount.visit.VisitCompliance;
import cn.keyaccount.visit.VisitDates;
import cn.keyaccount.base.rest.QueryParams;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Visit compliance figures for supervisors. */
@Path("/api/visit-compliance")
@Tag(name = "Visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitComplianceResource {

    private final VisitCompliance compliance;
    private final SecurityIdentity identity;

    private final Clock clock;

    VisitComplianceResource(Clock clock, VisitCompliance compliance, SecurityIdentity identity) {
        this.clock = clock;
        this.compliance = compliance;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Visit compliance per MANAGER, UNIT or MONTH for planned dates from/to (default this month)")
    public List<ComplianceRow> compliance(@QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("by") String by) {
        LocalDate today = VisitDates.today(clock);
        LocalDate f = QueryParams.date("from", from);
        LocalDate t = QueryParams.date("to", to);
        VisitCompliance.GroupBy g = QueryParams.choice(VisitCompliance.GroupBy.class, "by", by);
        return compliance.rows(viewer(), f == null ? today.withDayOfMonth(1) : f,
                t == null ? today.withDayOfMonth(today.lengthOfMonth()) : t,
                g == null ? VisitCompliance.GroupBy.MANAGER : g);
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
