package cn.keyaccount.visit.rest;

import cn.keyaccount.visit.VisitFeed;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * A manager's visits for calendar apps. No login: the random token in the URL is the secret (the permission
 * {@code visit-feed} in application.properties opens this path); an unknown or revoked token answers 404.
 */
@Path("/api/visit-feed")
public class VisitFeedResource {

    private final VisitFeed feed;

    VisitFeedResource(VisitFeed feed) {
        this.feed = feed;
    }

    @GET
    @Path("{token}.ics")
    @PermitAll
    @Produces("text/calendar")
    public Response calendar(@PathParam("token") String token) {
        String ics = feed.calendar(token).orElseThrow(NotFoundException::new);
        return Response.ok(ics, "text/calendar; charset=utf-8")
                .header("Cache-Control", "private, max-age=300").build();
    }
}
