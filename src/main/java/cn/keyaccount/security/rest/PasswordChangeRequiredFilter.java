package cn.keyaccount.security.rest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.ViewerIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A user whose password an administrator set (the first administrator, a reset) gets 403 from every API call but
 * "who am I" and the password change, until they have chosen their own password.
 */
class PasswordChangeRequiredFilter {

    private static final Set<String> OPEN = Set.of("/api/me", "/api/me/password");

    private final SecurityIdentity identity;
    private final UserService users;

    PasswordChangeRequiredFilter(SecurityIdentity identity, UserService users) {
        this.identity = identity;
        this.users = users;
    }

    @ServerRequestFilter
    public void requirePasswordChange(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (identity.isAnonymous() || !path.startsWith("/api/") || OPEN.contains(path)) {
            return;
        }
        // read with the user when the identity was made; asked here only for an identity made elsewhere
        Boolean must = identity.getAttribute(ViewerIdentity.MUST_CHANGE_PASSWORD);
        if (must == null ? users.mustChangePassword(identity.getPrincipal().getName()) : must) {
            throw BusinessException.forbidden("error.password-change-required");
        }
    }
}
