package cn.keyaccount.supplyplan.rest;

import cn.keyaccount.base.rest.InvalidParameterException;
import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import cn.keyaccount.supplyplan.BookingDetails;
import cn.keyaccount.supplyplan.FleetSchedule;
import cn.keyaccount.supplyplan.FleetService;
import cn.keyaccount.supplyplan.TruckDraft;
import cn.keyaccount.supplyplan.TruckDetails;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The generator-truck fleet (发电车) and its schedule, for staff. */
@Path("/api/fleet")
@Tag(name = "Fleet", description = "Generator trucks and their bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FleetResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FleetService fleet;
    private final FleetSchedule schedule;
    private final SecurityIdentity identity;

    private final Clock clock;

    FleetResource(Clock clock, FleetService fleet, FleetSchedule schedule, SecurityIdentity identity) {
        this.clock = clock;
        this.fleet = fleet;
        this.schedule = schedule;
        this.identity = identity;
    }

    @GET
    @Path("trucks")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The generator trucks in service, largest first")
    public List<TruckDetails> trucks() {
        return fleet.trucks();
    }

    @POST
    @Path("trucks")
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "Add a generator truck to a unit (administrators, supervisors within their unit)")
    public Response addTruck(TruckDraft draft, UriInfo uri) {
        TruckDetails created = fleet.addTruck(ViewerIdentity.viewer(identity), Rest.required(draft));
        return Rest.created(uri, created.id(), created);
    }

    @GET
    @Path("bookings")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Every booking overlapping the days [from, from + days); default today and 14 days")
    public List<BookingDetails> bookings(@QueryParam("from") String from, @QueryParam("days") String days) {
        OffsetDateTime start = day(from).atStartOfDay(clock.getZone()).toOffsetDateTime();
        return fleet.schedule(ViewerIdentity.viewer(identity), start, start.plusDays(days(days)));
    }

    @GET
    @Path("schedule.xlsx")
    @Produces(XLSX)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The fleet schedule as XLSX: the bookings and a truck-by-day calendar")
    public Response scheduleXlsx(@QueryParam("from") String from, @QueryParam("days") String days) {
        Viewer viewer = ViewerIdentity.viewer(identity);
        LocalDate day = day(from);
        int length = days(days);
        StreamingOutput file = out -> schedule.write(viewer, day, length, Locale.SIMPLIFIED_CHINESE, out);
        return Response.ok(file, XLSX)
                .header("Content-Disposition", "attachment; filename=\"fleet-schedule.xlsx\"").build();
    }

    private LocalDate day(String value) {
        LocalDate day = QueryParams.date("from", value);
        return day == null ? LocalDate.now(clock) : day;
    }

    private static int days(String value) {
        try {
            int days = value == null || value.isBlank() ? 14 : Integer.parseInt(value.trim());
            if (days < 1 || days > 92) {
                throw new InvalidParameterException("days");
            }
            return days;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("days");
        }
    }
}
