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

    private ViewerIdentity() {
    }

    static SecurityIdentity of(Viewer viewer) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(viewer.username()))
                .addRoles(Roles.held(viewer.role()))
                .addAttribute(ATTRIBUTE, viewer)
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
