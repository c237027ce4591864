package cn.keyaccount.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Re-creates the identity from the form-login cookie on each request. The cookie is refused when the user's sessions
 * ended after it was issued (sign-out, password change, disabled, locked), so every node refuses it at once.
 */
@ApplicationScoped
class TrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserService users;
    private final SessionCookie cookie;

    TrustedIdentityProvider(UserService users, SessionCookie cookie) {
        this.users = users;
        this.cookie = cookie;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Instant begun = cookie.begun(routing).orElse(null);
        if (begun == null) {
            cookie.drop(routing);
            return Uni.createFrom().failure(new AuthenticationFailedException("no readable session cookie"));
        }
        return context.runBlocking(() -> Optional.ofNullable(users.sessionIdentity(request.getPrincipal(), begun))
                .orElseThrow(() -> {
                    cookie.drop(routing);
                    return new AuthenticationFailedException("session ended");
                }));
    }
}
