package cn.keyaccount.security;

import cn.keyaccount.base.SessionKey;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The form-login cookie Quarkus issues: base64 of (IV length, IV, AES-GCM of "expiry:username"), keyed by the
 * SHA-256 of the session key. The cookie is never renewed (new-cookie-interval = timeout), so its expiry minus the
 * timeout is the moment of the sign-in, which the server compares with the user's "sessions valid after".
 * At start the key is checked: present, at least 32 bytes, not the published former default.
 */
@ApplicationScoped
class SessionCookie {

    private final Optional<String> key;
    private final String cookieName;
    private final Duration timeout;

    SessionCookie(@ConfigProperty(name = SessionKey.PROPERTY) Optional<String> key,
                  @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                  String cookieName,
                  @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M") Duration timeout) {
        this.key = key;
        this.cookieName = cookieName;
        this.timeout = timeout;
    }

    void checkKey(@Observes StartupEvent start) {
        SessionKey.check(key.orElse(null), SessionKey.PROPERTY + " (KEYACCOUNT_SESSION_KEY or the key file)");
    }

    /**
     * Makes the browser drop a refused cookie; otherwise the sign-in page itself would send it again, be refused
     * again and redirect to itself until the cookie expires.
     */
    void drop(RoutingContext routing) {
        if (routing != null) {
            routing.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        }
    }

    /** When the session of this request's cookie began (its sign-in); empty without a readable cookie. */
    Optional<Instant> begun(RoutingContext routing) {
        Cookie cookie = routing == null ? null : routing.request().getCookie(cookieName);
        if (cookie == null || key.isEmpty()) {
            return Optional.empty();
        }
        try {
            ByteBuffer sealed = ByteBuffer.wrap(Base64.getDecoder().decode(cookie.getValue()));
            byte[] iv = new byte[sealed.get()];
            sealed.get(iv);
            byte[] body = new byte[sealed.remaining()];
            sealed.get(body);
            byte[] aes = MessageDigest.getInstance("SHA-256").digest(key.get().getBytes(StandardCharsets.UTF_8));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
            String plain = new String(cipher.doFinal(body), StandardCharsets.UTF_8);
            long expiry = Long.parseLong(plain.substring(0, plain.indexOf(':')));
            return Optional.of(Instant.ofEpochMilli(expiry).minus(timeout));
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
