package cn.keyaccount.energy.rest;

import cn.keyaccount.energy.TariffService;
import cn.keyaccount.energy.TariffView;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.MANAGER_NAME, Role.SCHEDULER_NAME, Role.CUSTOMER_NAME})
    @Operation(summary = "Every tariff version with its seasons, bands and prices")
    public List<TariffView> list() {
        return tariffs.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.SUPERVISOR_NAME, Role.MANAGER_NAME, Role.SCHEDULER_NAME, Role.CUSTOMER_NAME})
    public TariffView get(@PathParam("id") long id) {
        return tariffs.get(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Change a version's prices; send the version you read, a stale one is refused with 409")
    public TariffView update(@PathParam("id") long id, TariffView prices) {
        if (prices == null) {
            throw new BadRequestException("body");
        }
        return tariffs.updatePrices(ViewerIdentity.viewer(identity), id, prices);
    }
}
