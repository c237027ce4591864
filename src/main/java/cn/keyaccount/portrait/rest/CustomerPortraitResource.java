package cn.keyaccount.portrait.rest;

import cn.keyaccount.portrait.PortraitDetails;
import cn.keyaccount.portrait.PortraitService;
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

/** A customer's portrait (客户画像), for whoever may see the customer. */
@Path("/api/customers/{id}/portrait")
@Tag(name = "Portrait", description = "Customer portrait: typical load shapes and shape segments (客户画像与分群)")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPortraitResource {

    private final PortraitService portraits;
    private final SecurityIdentity identity;

    CustomerPortraitResource(PortraitService portraits, SecurityIdentity identity) {
        this.portraits = portraits;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "A customer's portrait: status (SEGMENTED, TOO_LITTLE_DATA with usableDays under minDays, "
            + "NO_READINGS, NOT_COMPUTED), typical working-day and rest-day shapes per season (96 points of mean 1, "
            + "medians), season and rest-day levels, the segment (for a customer user its name only) and the "
            + "industry's median shape when it is the median of enough customers")
    @APIResponse(responseCode = "200", description = "the portrait (a customer user: own shape and industry only)")
    @APIResponse(responseCode = "404", description = "no such customer, or out of the caller's reach")
    public PortraitDetails portrait(@PathParam("id") long id) {
        return portraits.portrait(ViewerIdentity.viewer(identity), id);
    }

}
