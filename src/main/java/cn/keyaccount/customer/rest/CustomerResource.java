package cn.keyaccount.customer.rest;

import cn.keyaccount.base.rest.InvalidParameterException;
import cn.keyaccount.base.rest.QueryParams;
import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.base.rest.ResultPage;
import cn.keyaccount.base.rest.Versions;
import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.Tier;
import cn.keyaccount.customer.TransformerDraft;
import cn.keyaccount.customer.TransformerHistory;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.customer.TransformerDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Key customers with their contacts and transformers. The services decide which rows a viewer sees (another's
 * customer is absent: 404) and which they may change (read-only: 403); the roles here only keep others out.
 */
@Path("/api/customers")
@Tag(name = "Customers", description = "Key customers (重点大客户), their contacts and transformers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private static final Map<String, CustomerSearch.SortBy> SORTS = Map.of(
            "name", CustomerSearch.SortBy.NAME,
            "accountNo", CustomerSearch.SortBy.ACCOUNT_NO,
            "capacity", CustomerSearch.SortBy.CAPACITY,
            "tier", CustomerSearch.SortBy.TIER,
            "annualKwh", CustomerSearch.SortBy.ANNUAL_KWH,
            "voltage", CustomerSearch.SortBy.VOLTAGE,
            "updated", CustomerSearch.SortBy.UPDATED);

    private final CustomerService customers;
    private final ContactService contacts;
    private final TransformerService transformers;
    private final SecurityIdentity identity;

    CustomerResource(CustomerService customers, ContactService contacts, TransformerService transformers,
                     SecurityIdentity identity) {
        this.customers = customers;
        this.contacts = contacts;
        this.transformers = transformers;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "Search the customers the caller may see, paged and sorted",
            description = "total is exact up to 1,000; 1,001 means more than 1,000 match")
    public ResultPage<CustomerRow> list(
            @Parameter(description = "matches name, 户号, credit code, industry, lines and managers") @QueryParam("q")
            String q,
            @Parameter(description = "A, B or C") @QueryParam("tier") String tier,
            @Parameter(description = "this unit and the units below it") @QueryParam("unitId") String unitId,
            @Parameter(description = "supply voltage in kV, e.g. 10") @QueryParam("voltageKv") String voltageKv,
            @Parameter(description = "SPECIAL, FIRST, SECOND or NORMAL") @QueryParam("importance") String importance,
            @Parameter(description = "primary or backup manager") @QueryParam("managerId") String managerId,
            @Parameter(description = "members of this load-shape segment (its id, /api/portrait/segments)")
            @QueryParam("segment") String segment,
            @Parameter(description = "customers with this portrait tag now (its code, /api/portrait/tags)")
            @QueryParam("tag") String tag,
            @Parameter(description = "name, accountNo, capacity, tier, annualKwh, voltage or updated; "
                    + "a leading '-' sorts descending") @QueryParam("sort") String sort,
            @Parameter(description = "0-based page number") @QueryParam("page") String page,
            @Parameter(description = "rows per page, 1 to 500, default 50") @QueryParam("size") String size) {
        CustomerSearch search = new CustomerSearch(q, QueryParams.choice(Tier.class, "tier", tier),
                QueryParams.number("unitId", unitId), QueryParams.decimal("voltageKv", voltageKv),
                QueryParams.choice(Importance.class, "importance", importance),
                QueryParams.number("managerId", managerId));
        if (segment != null && !segment.isBlank()) {
            search = search.withGroup("segment", segment);
        }
        if (tag != null && !tag.isBlank()) {
            search = search.withGroup("tag", tag);
        }
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        Viewer viewer = viewer();
        CustomerService.CustomerPage found = customers.page(viewer, search, order(sort), p * s, s);
        return new ResultPage<>(found.rows(), p, s, found.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "One customer's profile; 'editable' tells whether the caller may change it. ETag: its version")
    public RestResponse<CustomerDetails> get(@PathParam("id") long id) {
        CustomerDetails found = customers.get(viewer(), id);
        return Versions.tagged(found, found.version());
    }

    @POST
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Register a key customer (administrators and supervisors)")
    public Response create(CustomerDraft draft, UriInfo uri) {
        CustomerDetails created = customers.create(viewer(), Rest.required(draft));
        return Rest.created(uri, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Change a customer; send the version you read (body or If-Match)")
    @APIResponseSchema(value = CustomerDetails.class, responseDescription = Versions.CHANGED)
    public RestResponse<CustomerDetails> update(@PathParam("id") long id, CustomerDraft draft,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Rest.required(draft).setVersion(Versions.required(ifMatch, draft.getVersion()));
        CustomerDetails changed = customers.update(viewer(), id, draft);
        return Versions.tagged(changed, changed.version());
    }

    @GET
    @Path("{id}/contacts")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "A customer's contacts; mobiles masked unless the caller may see them")
    public List<ContactDetails> contacts(@PathParam("id") long id) {
        return contacts.list(viewer(), id);
    }

    @POST
    @Path("{id}/contacts")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Add a contact to a customer")
    public Response addContact(@PathParam("id") long id, ContactDraft draft, UriInfo uri) {
        ContactDetails created = contacts.add(viewer(), id, Rest.required(draft));
        return Rest.created(uri, created.id(), created);
    }

    @PUT
    @Path("{id}/contacts/{contactId}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Change a contact; send the version you read (body, or If-Match with it in quotes)")
    @APIResponseSchema(value = ContactDetails.class, responseDescription = Versions.CHANGED)
    public RestResponse<ContactDetails> updateContact(@PathParam("id") long id, @PathParam("contactId") long contactId,
                                                   ContactDraft draft,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Rest.required(draft).setVersion(Versions.required(ifMatch, draft.getVersion()));
        ContactDetails changed = contacts.update(viewer(), id, contactId, draft);
        return Versions.tagged(changed, changed.version());
    }

    @DELETE
    @Path("{id}/contacts/{contactId}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Remove a contact")
    public Response deleteContact(@PathParam("id") long id, @PathParam("contactId") long contactId) {
        contacts.delete(viewer(), id, contactId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/transformers")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "A customer's transformers")
    public List<TransformerDetails> transformers(@PathParam("id") long id) {
        return transformers.list(viewer(), id);
    }

    @POST
    @Path("{id}/transformers")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Add a transformer to a customer")
    public Response addTransformer(@PathParam("id") long id, TransformerDraft draft, UriInfo uri) {
        TransformerDetails created = transformers.add(viewer(), id, Rest.required(draft));
        return Rest.created(uri, created.id(), created);
    }

    @PUT
    @Path("{id}/transformers/{transformerId}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Change a transformer; send the version you read (body, or If-Match with it in quotes)")
    @APIResponseSchema(value = TransformerDetails.class, responseDescription = Versions.CHANGED)
    public RestResponse<TransformerDetails> updateTransformer(@PathParam("id") long id,
                                                           @PathParam("transformerId") long transformerId,
                                                           TransformerDraft draft,
            @Parameter(description = Versions.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Rest.required(draft).setVersion(Versions.required(ifMatch, draft.getVersion()));
        TransformerDetails changed = transformers.update(viewer(), id, transformerId, draft);
        return Versions.tagged(changed, changed.version());
    }

    @DELETE
    @Path("{id}/transformers/{transformerId}")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Remove a transformer")
    public Response deleteTransformer(@PathParam("id") long id, @PathParam("transformerId") long transformerId) {
        transformers.delete(viewer(), id, transformerId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/transformers/history")
    @RolesAllowed(Roles.EVERYONE)
    @Operation(summary = "A customer's transformers with their suspensions (暂停) and capacity changes (减容/增容)")
    public List<TransformerHistory> transformerHistories(@PathParam("id") long id) {
        return transformers.histories(viewer(), id);
    }

    /** A suspension: the first and last day out of service (to may be null: until restored), and why. */
    public record SuspensionRequest(LocalDate from, LocalDate to, String reason) {
    }

    /** A restoration: the first day back in service, and why. */
    public record RestorationRequest(LocalDate on, String reason) {
    }

    /** A capacity change: the new capacity, the first day it applies, and why. */
    public record CapacityChangeRequest(BigDecimal kva, LocalDate effective, String reason) {
    }

    @POST
    @Path("{id}/transformers/{transformerId}/suspend")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Take a transformer out of service (暂停) for a period of at least 15 days; "
            + "answers its history")
    public TransformerHistory suspend(@PathParam("id") long id, @PathParam("transformerId") long transformerId,
                                      SuspensionRequest request) {
        transformers.history(viewer(), id, transformerId);
        SuspensionRequest r = Rest.required(request);
        return transformers.suspend(viewer(), transformerId, r.from(), r.to(), r.reason());
    }

    @POST
    @Path("{id}/transformers/{transformerId}/restore")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Put a suspended transformer back in service (暂停恢复) on a day; answers its history")
    public TransformerHistory restore(@PathParam("id") long id, @PathParam("transformerId") long transformerId,
                                      RestorationRequest request) {
        transformers.history(viewer(), id, transformerId);
        RestorationRequest r = Rest.required(request);
        return transformers.restore(viewer(), transformerId, r.on(), r.reason());
    }

    @POST
    @Path("{id}/transformers/{transformerId}/capacity")
    @RolesAllowed(Roles.ACCOUNT_STAFF)
    @Operation(summary = "Change a transformer's capacity from a day on (减容, 减容恢复 or 增容); answers its history")
    public TransformerHistory changeCapacity(@PathParam("id") long id, @PathParam("transformerId") long transformerId,
                                             CapacityChangeRequest request) {
        transformers.history(viewer(), id, transformerId);
        CapacityChangeRequest r = Rest.required(request);
        return transformers.changeCapacity(viewer(), transformerId, r.kva(), r.effective(), r.reason());
    }

    private static CustomerSearch.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return CustomerSearch.Order.DEFAULT;
        }
        boolean descending = sort.startsWith("-");
        CustomerSearch.SortBy by = SORTS.get(descending ? sort.substring(1) : sort);
        if (by == null) {
            throw new InvalidParameterException("sort");
        }
        return new CustomerSearch.Order(by, descending);
    }

    private Viewer viewer() {
        return ViewerIdentity.viewer(identity);
    }
}
