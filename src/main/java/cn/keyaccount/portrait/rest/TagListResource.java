package cn.keyaccount.portrait.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.customer.CustomerExcel;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.portrait.TagCount;
import cn.keyaccount.portrait.TagLists;
import cn.keyaccount.portrait.TagNotices;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tags with their counts, and a tag's customers as a list: exported to XLSX and sent a notice, within the caller's customers (a manager's own,
 * a supervisor's unit). The list itself is {@code GET /api/customers?tag=…}.
 */
@Path("/api/portrait/tags")
@Tag(name = "Portrait", description = "Customer portrait: typical load shapes and shape segments (客户画像与分群)")
public class TagListResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What a tag's notice says: its title and its text (template {@code general}). */
    public record TagNoticeDraft(String title, String text) {
    }

    private final TagLists tags;
    private final CustomerExcel excel;
    private final TagNotices notices;
    private final SecurityIdentity identity;

    TagListResource(TagLists tags, CustomerExcel excel, TagNotices notices, SecurityIdentity identity) {
        this.tags = tags;
        this.excel = excel;
        this.notices = notices;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISORS)
    @Operation(summary = "Each tag the caller's customers carry now, with how many carry it")
    public List<TagCount> counts() {
        return tags.counts(ViewerIdentity.viewer(identity));
    }

    @GET
    @Path("{code}/customers.xlsx")
    @Produces(XLSX)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The caller's customers with the tag as XLSX (the customer list's columns), streamed")
    @APIResponse(responseCode = "200", description = "the workbook")
    @APIResponse(responseCode = "422", description = "not a tag code")
    public Response export(@PathParam("code") String code) {
        CustomerSearch search = CustomerSearch.all().withGroup("tag", TagLists.checkedCode(code));
        Viewer viewer = ViewerIdentity.viewer(identity);
        StreamingOutput file = out -> excel.export(viewer, search, out);
        return Response.ok(file, XLSX)
                .header("Content-Disposition", "attachment; filename=\"customers-" + code + ".xlsx\"").build();
    }

    @POST
    @Path("{code}/notice")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Send a notice (template general: title and text) to the contacts of the caller's customers "
            + "with the tag; the notice engine applies the contacts' consent, quiet hours and SMS length")
    @APIResponse(responseCode = "201", description = "the notice scheduled; Location /api/notices/{id}")
    @APIResponse(responseCode = "422", description = "title or text missing or too long, not a tag code, or none of "
            + "the caller's customers carries the tag")
    public Response notice(@PathParam("code") String code, TagNoticeDraft draft, @Context UriInfo uri) {
        TagNoticeDraft d = Rest.required(draft);
        NoticeSummary sent = notices.send(ViewerIdentity.viewer(identity), code, d.title(), d.text());
        return Rest.created(uri, "api/notices", sent.id(), sent);
    }
}
