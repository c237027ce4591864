package cn.keyaccount.visit.rest;

import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.visit.VisitReminder;
import cn.keyaccount.visit.VisitReminders;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling manager's reminders. */
@Path("/api/visit-reminders")
@Tag(name = "Visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisitReminderResource {

    private final VisitReminders reminders;
    private final SecurityIdentity identity;

    VisitReminderResource(VisitReminders reminders, SecurityIdentity identity) {
        this.reminders = reminders;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "The caller's visits tomorrow (Asia/Shanghai)")
    public List<VisitReminder> reminders() {
        return reminders.forManager(viewer());
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
