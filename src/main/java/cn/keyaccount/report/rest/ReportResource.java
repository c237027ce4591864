package cn.keyaccount.report.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.report.ReportFile;
import cn.keyaccount.report.ReportFormat;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Energy-audit reports: list, issue and download, within what the caller may see (another's report is absent). */
@Path("/api/reports")
@Tag(name = "Reports", description = "Energy-audit reports (能效诊断报告) as XLSX and DOCX")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService reports;
    private final SecurityIdentity identity;

    ReportResource(ReportService reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The reports of the customers the caller may see (of one with customerId), newest first, "
            + "with checksums and whether the customer downloaded them")
    public ResultPage<ReportDetails> list(@QueryParam("customerId") String customerId, @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        Long customer = QueryParams.number("customerId", customerId);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        return new ResultPage<>(reports.list(viewer, customer, p * s, s), p, s, reports.count(viewer, customer));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One report")
    public ReportDetails get(@PathParam("id") long id) {
        return reports.get(viewer(), id);
    }

    @GET
    @Path("{id}/{format: xlsx|docx}")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The report's file as archived (the download is recorded and audited); the X-Checksum-SHA256 "
            + "header repeats its checksum")
    public Response download(@PathParam("id") long id, @PathParam("format") String format) {
        ReportFile f = reports.download(viewer(), id, ReportFormat.valueOf(format.toUpperCase()));
        String name = URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(f.content(), f.format().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                .header("X-Checksum-SHA256", f.sha256()).build();
    }
}
