package cn.keyaccount.visit.rest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.visit.VisitFeed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in manager's private feed URL; renewing it revokes the old one. */
@Path("/api/visit-feed-url")
@Tag(name = "Visits")
@Produces(MediaType.APPLICATION_JSON)
public class VisitFeedTokenResource {

    public record FeedUrl(String url) {
    }

    private final VisitFeed feed;
    private final SecurityIdentity identity;

    VisitFeedTokenResource(VisitFeed feed, SecurityIdentity identity) {
        this.feed = feed;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "The caller's private iCalendar feed URL, on the configured public address "
            + "(409 while keyaccount.public-base-url is not set)")
    public FeedUrl get() {
        return url(feed.token(ViewerIdentity.viewer(identity)));
    }

    @POST
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "A new feed URL; the old one stops working (also when no public address is set: then 409 "
            + "after the old URL was revoked)")
    public FeedUrl renew() {
        return url(feed.renew(ViewerIdentity.viewer(identity)));
    }

    private FeedUrl url(String token) {
        return new FeedUrl(feed.url(token)
                .orElseThrow(() -> BusinessException.conflict("error.visit-feed-no-public-url")));
    }
}
