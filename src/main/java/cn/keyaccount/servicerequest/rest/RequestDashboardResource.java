package cn.keyaccount.servicerequest.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.servicerequest.DashboardDetails;
import cn.keyaccount.servicerequest.RequestDashboard;
import cn.keyaccount.servicerequest.RequestDashboardWorkbook;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service-request dashboard (supervisors over their units, managers over their own): open requests by type and
 * age, service-level compliance, repair times against the commitment, satisfaction; and the same as XLSX. The
 * drill-down to the requests is the list, {@code GET /api/service-requests?type=…&open=true}.
 */
@Path("/api/service-requests/dashboard")
@Tag(name = "Service requests")
public class RequestDashboardResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RequestDashboard dashboard;
    private final RequestDashboardWorkbook workbook;
    private final SecurityIdentity identity;
    private final Clock clock;

    RequestDashboardResource(RequestDashboard dashboard, RequestDashboardWorkbook workbook,
                             SecurityIdentity identity, Clock clock) {
        this.dashboard = dashboard;
        this.workbook = workbook;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "The dashboard of the requests received from `from` to `to` (dates, default: the last 12 "
            + "months; at most 3 years); open requests as they stand now")
    @APIResponse(responseCode = "200", description = "the figures")
    @APIResponse(responseCode = "400", description = "a date that is not yyyy-MM-dd")
    @APIResponse(responseCode = "422", description = "from after to, or longer than 3 years")
    public DashboardDetails get(@Parameter(description = "yyyy-MM-dd") @QueryParam("from") String from,
                                @Parameter(description = "yyyy-MM-dd") @QueryParam("to") String to) {
        LocalDate[] period = period(from, to);
        return dashboard.summarise(viewer(), period[0], period[1]);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "The dashboard as XLSX (streamed): open, compliance, repair times, satisfaction, and every "
            + "request of the period")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] period = period(from, to);
        Viewer viewer = viewer();
        RequestDashboard.checkPeriod(period[0], period[1]);
        StreamingOutput file = out -> workbook.write(viewer, period[0], period[1], Locale.SIMPLIFIED_CHINESE, out);
        return Response.ok(file, XLSX).header("Content-Disposition", "attachment; filename=\"service-requests-"
                + period[0] + "-" + period[1] + ".xlsx\"").build();
    }

    private LocalDate[] period(String from, String to) {
        LocalDate end = QueryParams.date("to", to);
        LocalDate start = QueryParams.date("from", from);
        end = end == null ? LocalDate.now(clock) : end;
        start = start == null ? end.minusMonths(12).plusDays(1) : start;
        return new LocalDate[] {start, end};
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
