package cn.keyaccount.report.rest;

import cn.keyaccount.base.rest.InvalidParameterException;
import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issuing a customer's energy-audit report now (managers, supervisors, administrators who may change it). */
@Path("/api/customers/{id}/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerReportResource {

    /** What to issue: the report month (yyyy-MM), zh or en, and whether the customer is told (default yes). */
    public record IssueRequest(String month, String language, Boolean notifyCustomer) {
    }

    private final ReportService reports;
    private final SecurityIdentity identity;

    CustomerReportResource(ReportService reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Issue the customer's report for a month now (the next issue when one exists); 201 with it")
    public Response issue(@PathParam("id") long customerId, IssueRequest request, UriInfo uri) {
        YearMonth month = QueryParams.month("month", request == null ? null : request.month());
        if (month == null) {
            throw new InvalidParameterException("month");
        }
        ReportDetails made = reports.generate(ViewerIdentity.viewer(identity), customerId, month, request.language(),
                request.notifyCustomer() == null || request.notifyCustomer(), ReportService.Progress.NONE);
        return Rest.created(uri, "api/reports", made.id(), made);
    }
}
