package cn.keyaccount.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Re-creates the identity from the form-login cookie on each request; a disabled user is signed out at once. */
@ApplicationScoped
class TrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserService users;

    TrustedIdentityProvider(UserService users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> users.activeViewer(request.getPrincipal())
                .map(ViewerIdentity::of)
                .orElseThrow(() -> new AuthenticationFailedException("user disabled or removed")));
    }
}
