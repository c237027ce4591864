package cn.keyaccount.servicerequest.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceRequestService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A recorded visit's 诉求 turned into a service request, linked back to the visit (one per visit: a second call
 * answers the first request). Its own path, so that no address of {@code /api/service-requests} matches two paths.
 */
@Path("/api/visit-demands")
@Tag(name = "Service requests", description = "Repairs, questions, service applications, complaints and praise")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitDemandResource {

    /** The type of the request the 诉求 becomes (咨询 when absent). */
    public record FromVisit(RequestType type) {
    }

    private final ServiceRequestService requests;
    private final SecurityIdentity identity;

    VisitDemandResource(ServiceRequestService requests, SecurityIdentity identity) {
        this.requests = requests;
        this.identity = identity;
    }

    @POST
    @Path("{visitId}/request")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Turn a recorded visit's 诉求 into a service request linked back to the visit")
    public Response request(@PathParam("visitId") long visitId, FromVisit body, UriInfo uri) {
        RequestDetails made = requests.fromVisit(ViewerIdentity.viewer(identity), visitId,
                body == null ? null : body.type());
        return Rest.created(uri, "api/service-requests", made.request().id(), made);
    }
}
