package cn.keyaccount.portrait.rest;

import cn.keyaccount.portrait.SegmentStrategies;
import cn.keyaccount.portrait.StrategyDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service strategy of a customer's segment, as the customer's portrait shows it to staff. */
@Path("/api/customers/{id}/segment-strategy")
@Tag(name = "Portrait", description = "Customer portrait: typical load shapes and shape segments (客户画像与分群)")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerStrategyResource {

    private final SegmentStrategies strategies;
    private final SecurityIdentity identity;

    CustomerStrategyResource(SegmentStrategies strategies, SecurityIdentity identity) {
        this.strategies = strategies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The service strategy of the customer's segment: defined false while the segment has none, "
            + "and kind null when the customer has no segment")
    @APIResponse(responseCode = "200", description = "the strategy")
    @APIResponse(responseCode = "404", description = "no such customer, or out of the caller's reach")
    public StrategyDetails strategy(@PathParam("id") long id) {
        return strategies.forCustomer(ViewerIdentity.viewer(identity), id);
    }
}
