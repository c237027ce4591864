package cn.keyaccount.energy.rest;

import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.energy.TariffService;
import cn.keyaccount.energy.TariffDetails;
import cn.keyaccount.security.Role;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Time-of-use tariffs: everyone signed in reads them, administrators change their prices. */
@Path("/api/tariffs")
@Tag(name = "Tariffs", description = "Time-of-use tariff versions by province, voltage class and date range")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TariffResource {

    private final TariffService tariffs;
    private final SecurityIdentity identity;

    TariffResource(TariffService tariffs, SecurityIdentity identity) {
        this.tariffs = tariffs;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Tariff versions with their seasons, bands and prices; optionally only a province, a voltage "
            + "class, and those in force on some day from..to")
    public List<TariffDetails> list(@QueryParam("province") String province, @QueryParam("voltageClass") String voltage,
                                 @QueryParam("from") String from, @QueryParam("to") String to) {
        return tariffs.search(province, voltage, QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Add a tariff version (structure and prices from validFrom); 201 with its Location, 422 with "
            + "the field errors")
    public Response create(TariffDetails draft, @Context UriInfo uri) {
        TariffDetails created = tariffs.create(ViewerIdentity.viewer(identity), Rest.required(draft));
        return Rest.created(uri, created.id(), created);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One tariff version; ETag: its version")
    public RestResponse<TariffDetails> get(@PathParam("id") long id) {
        TariffDetails found = tariffs.get(id);
        return Versions.tagged(found, found.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Change a version's prices; send the version you read (body or If-Match)")
    @APIResponseSchema(value = TariffDetails.class, responseDescription = Versions.CHANGED)
    public RestResponse<TariffDetails> update(@PathParam("id") long id, TariffDetails prices,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long seen = Versions.required(ifMatch, Rest.required(prices).version());
        TariffDetails changed = tariffs.updatePrices(ViewerIdentity.viewer(identity), id, prices.withVersion(seen));
        return Versions.tagged(changed, changed.version());
    }
}
