package cn.keyaccount.customer.rest;

import cn.keyaccount.base.Messages;
import cn.keyaccount.base.rest.InvalidParameterException;
import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelinePage;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's activity timeline: visits, notices, outages, plans, reports, assignments and record edits. */
@Path("/api/customers/{id}/timeline")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTimelineResource {

    private final CustomerTimeline timeline;
    private final SecurityIdentity identity;

    CustomerTimelineResource(CustomerTimeline timeline, SecurityIdentity identity) {
        this.timeline = timeline;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Everything that happened with one customer, newest first, a page at a time",
            description = "Entries of every kind (or those named in kind), in the period from–to (company days, "
                    + "inclusive), newest first; entries of the same moment by source, then id. Paged by a cursor: "
                    + "pass the answer's next as before for the following page (null: no more). Titles and details "
                    + "are in the language of Accept-Language; link is the application path where the entry is "
                    + "handled. Staff only; a customer outside the caller's reach is 404, as for GET /api/customers/{id}.")
    public TimelinePage timeline(@PathParam("id") long id,
                                 @Parameter(description = "kinds to show, repeated or comma-separated: VISIT, NOTICE, "
                                         + "OUTAGE, PLAN, REPORT, ASSIGNMENT, EDIT; all when absent")
                                 @QueryParam("kind") List<String> kinds,
                                 @Parameter(description = "first day, yyyy-MM-dd") @QueryParam("from") String from,
                                 @Parameter(description = "last day, yyyy-MM-dd") @QueryParam("to") String to,
                                 @Parameter(description = "the next value of the page before")
                                 @QueryParam("before") String before,
                                 @Parameter(description = "entries per page, 1 to 500 (default 50)")
                                 @QueryParam("size") String size,
                                 @Context HttpHeaders headers) {
        if (!CustomerTimeline.wellFormedCursor(before)) {
            throw new InvalidParameterException("before", "error.timeline-cursor", before);
        }
        Set<TimelineKind> wanted = EnumSet.noneOf(TimelineKind.class);
        for (String k : kinds == null ? List.<String>of() : kinds) {
            for (String one : k.split(",")) {
                if (!one.isBlank()) {
                    wanted.add(QueryParams.choice(TimelineKind.class, "kind", one));
                }
            }
        }
        return timeline.page(ViewerIdentity.viewer(identity), id, wanted, QueryParams.date("from", from),
                QueryParams.date("to", to), before, QueryParams.size(size), locale(headers));
    }

    private static Locale locale(HttpHeaders headers) {
        List<Locale> accepted = headers.getAcceptableLanguages();
        return accepted.isEmpty() || "*".equals(accepted.getFirst().getLanguage()) ? Messages.CHINESE
                : accepted.getFirst();
    }
}
