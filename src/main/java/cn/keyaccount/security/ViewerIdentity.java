package cn.keyaccount.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * Carries the {@link Viewer} inside the Quarkus security identity, so a REST call needs no further lookup; its roles
 * are the viewer's role and the role lists that include it ({@link Roles}).
 */
public final class ViewerIdentity {

    public static final String ATTRIBUTE = "keyaccount.viewer";
    /** Whether the user must choose a new password first, read with the viewer (absent: an identity made elsewhere). */
    public static final String MUST_CHANGE_PASSWORD = "keyaccount.must-change-password";

    private ViewerIdentity() {
    }

    /** The identity of a viewer read with its password state, so that no request reads the user twice. */
    static SecurityIdentity of(Viewer viewer, boolean mustChangePassword) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(viewer.username()))
                .addRoles(Roles.held(viewer.role()))
                .addAttribute(ATTRIBUTE, viewer)
                .addAttribute(MUST_CHANGE_PASSWORD, mustChangePassword)
                .build();
    }

    public static Viewer viewer(SecurityIdentity identity) {
        Viewer viewer = identity.getAttribute(ATTRIBUTE);
        if (viewer == null) {
            throw new IllegalStateException("not signed in");
        }
        return viewer;
    }
}
