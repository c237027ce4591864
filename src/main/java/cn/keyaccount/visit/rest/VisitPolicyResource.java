package cn.keyaccount.visit.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.visit.PolicyLine;
import cn.keyaccount.visit.VisitPolicyService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The visit policy (走访频次). */
@Path("/api/visit-policy")
@Tag(name = "Visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitPolicyResource {

    /** Months between visits; null for an importance level that does not raise the frequency. */
    public record PolicyChange(Integer intervalMonths, Long version) {
    }

    private final VisitPolicyService policy;
    private final SecurityIdentity identity;

    VisitPolicyResource(VisitPolicyService policy, SecurityIdentity identity) {
        this.policy = policy;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The visit policy: months between visits per tier and importance level")
    public List<PolicyLine> policy() {
        return policy.lines();
    }

    @PUT
    @Path("{subject}")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "Change one line of the visit policy (supervisors); send the line's version you read (body, "
            + "or If-Match with it in quotes)")
    @APIResponseSchema(value = PolicyLine.class, responseDescription = Versions.CHANGED)
    public RestResponse<PolicyLine> changePolicy(@PathParam("subject") String subject, PolicyChange change,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long seen = Versions.required(ifMatch, Rest.required(change).version());
        PolicyLine changed = policy.change(viewer(), subject, change.intervalMonths(), seen);
        return Versions.tagged(changed, changed.version());
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
