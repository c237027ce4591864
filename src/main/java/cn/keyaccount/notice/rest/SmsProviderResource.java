package cn.keyaccount.notice.rest;

import cn.keyaccount.base.rest.Rest;
import cn.keyaccount.notice.gateway.SmsConnectionTest;
import cn.keyaccount.notice.gateway.SmsGateway;
import cn.keyaccount.notice.gateway.SmsProviders;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SMS providers (CMPP and SMPP accounts) and their connection test, for administrators. */
@Path("/api/sms-providers")
@Tag(name = "SMS providers", description = "The SMS gateways the notices go through, and their connection test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SmsProviderResource {

    /** A provider as configured, in the rule's order, with its link now. */
    public record Provider(String name, String protocol, boolean enabled, SmsGateway.LinkState link) {
    }

    /** The handset to send the test SMS to, and optionally the one provider to test (else all). */
    public record TestRequest(String mobile, String provider) {
    }

    private final SmsProviders providers;
    private final SmsConnectionTest tests;
    private final SecurityIdentity identity;

    SmsProviderResource(SmsProviders providers, SmsConnectionTest tests, SecurityIdentity identity) {
        this.providers = providers;
        this.tests = tests;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "The SMS providers in the order the rule tries them, with the state of their links")
    public List<Provider> list() {
        return providers.all().stream().map(g -> new Provider(g.name(), g.protocol(), g.enabled(), g.linkState()))
                .toList();
    }

    @POST
    @Path("test")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Send one test SMS per provider (or through the one named) to the mobile number given, and "
            + "return each gateway's answer: result code, message id, time taken. 422 for a number that is no "
            + "mainland mobile, 404 for an unknown provider, 409 when no provider is configured")
    public List<SmsConnectionTest.Answer> test(TestRequest request) {
        TestRequest r = Rest.required(request);
        return tests.test(ViewerIdentity.viewer(identity), r.mobile(), r.provider());
    }
}
