package cn.keyaccount.org.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation tree (省 / 市 / 县 / 供电所) for pickers and filters; administrators add units. */
@Path("/api/units")
@Tag(name = "Organisation", description = "Units of the power supply company")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    /** A unit to add; a unit below the province needs a parent of a higher level. */
    public record NewUnit(String code, String name, String nameEn, OrgUnit.Level level, Long parentId) {
    }

    private final OrgService org;

    UnitResource(OrgService org) {
        this.org = org;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "All units in tree order")
    public List<UnitDetails> all() {
        return org.all();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "One unit")
    public UnitDetails get(@PathParam("id") long id) {
        return org.get(id);
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Add a unit (administrators)")
    public Response create(NewUnit unit, UriInfo uri) {
        Rest.required(unit);
        UnitDetails created = org.create(unit.code(), unit.name(), unit.nameEn(), unit.level(), unit.parentId());
        return Rest.created(uri, created.id(), created);
    }
}
