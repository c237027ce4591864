package cn.keyaccount.outage.rest;

import cn.keyaccount.base.rest.InvalidParameterException;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.outage.CriticalPeriodService;
import cn.keyaccount.outage.CriticalPeriodDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's declared critical-production periods: outages overlapping them wait for a supervisor. */
@Path("/api/critical-periods")
@Tag(name = "Outages", description = "Planned, temporary and fault outages and their warnings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CriticalPeriodResource {

    public record NewPeriod(Long customerId, OffsetDateTime startsAt, OffsetDateTime endsAt, String reason) {
    }

    private final CriticalPeriodService periods;
    private final SecurityIdentity identity;

    CriticalPeriodResource(CriticalPeriodService periods, SecurityIdentity identity) {
        this.periods = periods;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "A customer's critical-production periods that have not ended")
    public List<CriticalPeriodDetails> list(@QueryParam("customerId") String customerId) {
        try {
            return periods.list(ViewerIdentity.viewer(identity), Long.parseLong(String.valueOf(customerId).trim()));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("customerId");
        }
    }

    @POST
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Declare a critical-production period for a customer (its manager or supervisor)")
    public Response add(NewPeriod p, UriInfo uri) {
        if (p == null || p.customerId() == null) {
            throw new BadRequestException();
        }
        CriticalPeriodDetails created = periods.add(ViewerIdentity.viewer(identity), p.customerId(), p.startsAt(),
                p.endsAt(), p.reason());
        return Rest.created(uri, created.id(), created);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Remove a critical-production period")
    public Response delete(@PathParam("id") long id) {
        periods.delete(ViewerIdentity.viewer(identity), id);
        return Response.noContent().build();
    }
}
