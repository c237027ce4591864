package cn.keyaccount.energy.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.UploadBody;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.EnergyProfile;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.ImportReport;
import cn.keyaccount.energy.LoadCurve;
import cn.keyaccount.energy.MeterDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A customer's interval data (bulk in) and energy analysis (JSON out), within what the caller may see. */
@Path("/api/customers/{id}/energy")
@Tag(name = "Energy", description = "Interval data import and energy-efficiency analysis (能效分析)")
@Produces(MediaType.APPLICATION_JSON)
public class EnergyResource {


    private final EnergyService energy;
    private final SecurityIdentity identity;

    EnergyResource(EnergyService energy, SecurityIdentity identity) {
        this.energy = energy;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Which days and meters hold readings, and which tariff applies")
    public EnergyService.Coverage coverage(@PathParam("id") long id) {
        return energy.coverage(ViewerIdentity.viewer(identity), id);
    }

    @GET
    @Path("analysis")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The analysis of a period: load, TOU split, months with power factor and basic charge, "
            + "the basic-charge comparison over the last 12 months (billingModes: options, the current way at today's "
            + "mode and declared demand first, each other way with its own inputs, monthly charges, total and saving "
            + "against the current way; saving = current total − cheapest total), load rates of each transformer and "
            + "all together, anomalies, health score and recommendations")
    public EnergyAnalyzer.Result analysis(@PathParam("id") long id,
                                          @Parameter(description = "first day, yyyy-MM-dd") @QueryParam("from")
                                          String from,
                                          @Parameter(description = "last day (inclusive), yyyy-MM-dd")
                                          @QueryParam("to") String to) {
        return energy.analyse(ViewerIdentity.viewer(identity), id, QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @GET
    @Path("load-curve")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The period's load curve in kW: 15-minute points up to 31 days, hourly averages beyond")
    public LoadCurve loadCurve(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return energy.loadCurve(ViewerIdentity.viewer(identity), id, QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @GET
    @Path("profile")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "The customer's energy profile: tariff province and voltage class, basic-charge mode, "
            + "declared demand, capacity, power-factor standard. ETag: \"customerVersion.profileVersion\"")
    public RestResponse<EnergyProfile> profile(@PathParam("id") long id) {
        EnergyProfile found = energy.profile(ViewerIdentity.viewer(identity), id);
        return Versions.tagged(found, found.customerVersion(), found.profileVersion());
    }

    @PUT
    @Path("profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Change the energy profile; send both versions you read (body, or If-Match with the ETag)")
    @APIResponseSchema(value = EnergyProfile.class, responseDescription = Versions.CHANGED)
    public RestResponse<EnergyProfile> updateProfile(@PathParam("id") long id, EnergyProfile profile,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long[] seen = Versions.required(ifMatch, Rest.required(profile).customerVersion(), profile.profileVersion());
        EnergyProfile changed = energy.updateProfile(ViewerIdentity.viewer(identity), id,
                profile.withVersions(seen[0], seen[1]));
        return Versions.tagged(changed, changed.customerVersion(), changed.profileVersion());
    }

    @PUT
    @Path("meters/{meterId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Put a meter on one of the customer's transformers ({\"transformerId\": 12}) or on none "
            + "({\"transformerId\": null}); the analysis loads each transformer from its own meters")
    public MeterDetails assignMeter(@PathParam("id") long id, @PathParam("meterId") long meterId,
                                 EnergyService.MeterAssignment assignment) {
        return energy.assignMeter(ViewerIdentity.viewer(identity), id, meterId, Rest.required(assignment));
    }

    @POST
    @Path("readings")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Bulk upload of a metering export (CSV in UTF-8 or GBK, or XLSX), stored whole or not at "
            + "all; re-imported days replace the stored ones, but a stored day the file has fewer readings for is "
            + "refused (issue SHORTER_DAY, shorterDays > 0) unless replaceShorterDays=true. 200 with the report when "
            + "stored, 422 with it when not (also for a file beyond the bounds: rows, cell size, a zip bomb)")
    public Response upload(@PathParam("id") long id,
                           @Parameter(description = "the file's name; .xlsx is read as a workbook, else CSV")
                           @QueryParam("file") String file,
                           @Parameter(description = "true confirms that stored days may be replaced by days with "
                                   + "fewer readings")
                           @QueryParam("replaceShorterDays") boolean replaceShorterDays, InputStream body) {
        ImportReport report = energy.importReadings(ViewerIdentity.viewer(identity), id, file,
                UploadBody.bounded(body, UploadBody.READINGS_MAX_BYTES), replaceShorterDays);
        return Response.status(report.accepted() ? 200 : 422).entity(report).build();
    }
}
