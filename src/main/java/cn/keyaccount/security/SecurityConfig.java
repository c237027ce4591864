package cn.keyaccount.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "keyaccount.security")
public interface SecurityConfig {

    /**
     * Consecutive failed sign-ins after which the account is locked for {@link #lockDuration()}. Administrators are
     * never locked: they are throttled per client address instead (see {@link Throttle}).
     */
    @WithDefault("5")
    int maxFailedLogins();

    @WithDefault("PT15M")
    Duration lockDuration();

    Throttle throttle();

    Headers headers();

    /** Failed sign-ins allowed before further attempts are refused unchecked, refilled evenly over the window. */
    interface Throttle {

        /** Failed sign-ins from one client address (any user name) per {@link #window()}. */
        @WithDefault("20")
        int failuresPerAddress();

        /**
         * Failed sign-ins for one user name per {@link #window()}; for an administrator the name counts per client
         * address, so that nobody can lock the administrator out from elsewhere.
         */
        @WithDefault("10")
        int failuresPerName();

        @WithDefault("PT10M")
        Duration window();

        /** User names and addresses tracked at once per node; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int tracked();
    }

    /** Response headers that tell browsers how to protect the pages. */
    interface Headers {

        /** Vaadin's client needs inline styles and scripts and evaluates scripts sent by the server. */
        @WithDefault("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'")
        String contentSecurityPolicy();

        @WithDefault("strict-origin-when-cross-origin")
        String referrerPolicy();

        /** Sent only on requests that arrived over TLS (directly, or through a trusted proxy that says so). */
        @WithDefault("max-age=31536000")
        String strictTransportSecurity();
    }
}
