package cn.keyaccount.billing.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.base.rest.UploadBody;
import cn.keyaccount.billing.BillDetails;
import cn.keyaccount.billing.BillingService;
import cn.keyaccount.billing.ImportReport;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bills and billing notices. Imports take the file itself as the request body (CSV in UTF-8 or GBK, or XLSX) and
 * answer 200 with the report, or 422 with the rows refused (then nothing was stored).
 */
@Path("/api/billing")
@Tag(name = "Billing", description = "Bill issuance and payment imports, arrears and balance notices")
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource {

    /** A prepaid account's new balance; the warning level is optional. */
    public record BalanceUpdate(BigDecimal balance, BigDecimal lowThreshold) {
    }

    private final BillingService billing;
    private final SecurityIdentity identity;

    BillingResource(BillingService billing, SecurityIdentity identity) {
        this.billing = billing;
        this.identity = identity;
    }

    @POST
    @Path("bills")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Import a month's bill issuance and send the bill-issued notice")
    public Response importBills(@QueryParam("file") String file, InputStream body) {
        return report(billing.importBills(viewer(), name(file), UploadBody.bytes(body, UploadBody.IMPORT_MAX_BYTES)));
    }

    @POST
    @Path("payments")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Import payments: each marks its bill paid and stops its arrears reminders")
    public Response importPayments(@QueryParam("file") String file, InputStream body) {
        return report(billing.importPayments(viewer(), name(file),
                UploadBody.bytes(body, UploadBody.IMPORT_MAX_BYTES)));
    }

    @GET
    @Path("bills")
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Bills of the caller's unit and below, newest period first")
    public ResultPage<BillDetails> bills(@QueryParam("unpaid") boolean unpaid, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer v = viewer();
        return new ResultPage<>(billing.list(v, unpaid, p * s, s), p, s, billing.count(v, unpaid));
    }

    @GET
    @Path("customers/{id}/bills")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One customer's bills")
    public List<BillDetails> customerBills(@PathParam("id") long id) {
        return billing.ofCustomer(viewer(), id);
    }

    @POST
    @Path("customers/{id}/balance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCH_STAFF)
    @Operation(summary = "Record a prepaid account's new balance: balance-change and, below the level, low-balance")
    public List<NoticeSummary> balance(@PathParam("id") long id, BalanceUpdate update) {
        Rest.required(update);
        return billing.recordBalance(viewer(), id, update.balance(), update.lowThreshold());
    }

    private static Response report(ImportReport r) {
        return Response.status(r.ok() ? 200 : 422).type(MediaType.APPLICATION_JSON).entity(r).build();
    }

    private static String name(String file) {
        return file == null || file.isBlank() ? "upload" : file;
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
