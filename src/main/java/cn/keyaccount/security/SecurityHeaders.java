package cn.keyaccount.security;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser-protection headers on every response (pages, API, static files, Swagger UI), and the cookie flags the
 * frameworks do not set themselves: Vaadin's session cookie HttpOnly and SameSite=Strict, and every cookie Secure
 * when the request came over TLS (directly or through a trusted proxy, see quarkus.http.proxy.*). HSTS likewise
 * only over TLS. Registered first, so its headers-end step runs last, after the sign-in cookie was written.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String SESSION_COOKIE = "JSESSIONID";

    private final SecurityConfig.Headers headers;
    private final String credentialCookie;

    SecurityHeaders(SecurityConfig config,
                    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                    String credentialCookie) {
        this.headers = config.headers();
        this.credentialCookie = credentialCookie;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        routing.addHeadersEndHandler(end -> onHeadersEnd(routing));
        routing.next();
    }

    private void onHeadersEnd(RoutingContext routing) {
        boolean tls = routing.request().isSSL();
        MultiMap out = routing.response().headers();
        out.set("Content-Security-Policy", headers.contentSecurityPolicy());
        out.set("X-Frame-Options", "DENY");
        out.set("X-Content-Type-Options", "nosniff");
        out.set("Referrer-Policy", headers.referrerPolicy());
        if (tls) {
            out.set("Strict-Transport-Security", headers.strictTransportSecurity());
            Cookie credential = routing.response().removeCookie(credentialCookie, false);
            if (credential != null) {
                routing.response().addCookie(credential.setSecure(true));
            }
        }
        List<String> cookies = out.getAll(HttpHeaders.SET_COOKIE);
        if (!cookies.isEmpty()) {
            out.remove(HttpHeaders.SET_COOKIE);
            cookies.forEach(cookie -> out.add(HttpHeaders.SET_COOKIE, flagged(cookie, tls)));
        }
    }

    /** Adds the missing flags to one Set-Cookie header value. */
    static String flagged(String setCookie, boolean tls) {
        String lower = setCookie.toLowerCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(setCookie);
        if (setCookie.startsWith(SESSION_COOKIE + "=")) {
            if (!lower.contains("; httponly")) {
                result.append("; HttpOnly");
            }
            if (!lower.contains("; samesite=")) {
                result.append("; SameSite=Strict");
            }
        }
        if (tls && !lower.contains("; secure")) {
            result.append("; Secure");
        }
        return result.toString();
    }
}
