package cn.keyaccount.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks a username and password (form login and HTTP basic) against app_user. bcrypt is deliberately slow, so a
 * successful check is remembered for a minute for API clients that send their password with every request; only a
 * salted digest of the password is kept, never the password, and each use asks the database whether the user's
 * sessions still hold (disabled, locked, password changed or signed out since: checked again from scratch).
 * Every refusal looks the same: a throttled attempt is answered after about as long as a password check takes.
 */
@ApplicationScoped
class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(DatabaseIdentityProvider.class);

    private static final Duration REMEMBER = Duration.ofMinutes(1);
    /**
     * From this age a remembered check is made again in the background by a request that presents the same password,
     * while the request itself goes on with the check still remembered: an API client that sends its password with
     * every request never waits for bcrypt once signed in. Before, every minute one request paid the check and every
     * request of the client arriving meanwhile waited for it (100–250 ms under load, 1–2 % of a steady client's
     * requests; BENCHMARKS.md, issue 17).
     */
    private static final Duration RENEW = Duration.ofSeconds(45);
    private static final byte[] SALT = new SecureRandom().generateSeed(16);

    private record Verified(byte[] digest, Instant at) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** Password checks running now, by name, address and password digest (see {@link #checkOnce}). */
    private final Map<String, CompletableFuture<SecurityIdentity>> checking = new ConcurrentHashMap<>();
    /** Names whose remembered check is being made again in the background ({@link #RENEW}). */
    private final java.util.Set<String> renewing = ConcurrentHashMap.newKeySet();
    private final UserService users;

    private final Clock clock;

    DatabaseIdentityProvider(Clock clock, UserService users) {
        this.clock = clock;
        this.users = users;
    }

    /** Measures the time of a password check at start, not on the first throttled request's event-loop thread. */
    void measureCheckTime(@Observes StartupEvent start) {
        Passwords.checkTime();
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String address = clientAddress(request);
        byte[] digest = digest(username, password);
        Verified known = verified.get(username);
        boolean remembered = known != null && known.at().plus(REMEMBER).isAfter(clock.instant())
                && MessageDigest.isEqual(known.digest(), digest);
        if (!remembered && users.throttled(address)) {
            return refusedLater();
        }
        if (remembered && known.at().plus(RENEW).isBefore(clock.instant())) {
            renew(username, password, address, digest);
        }
        return context.runBlocking(() -> {
            if (remembered) {
                SecurityIdentity identity = users.sessionIdentity(username, known.at());
                if (identity != null) {
                    return identity;
                }
                verified.remove(username, known);
            }
            return checkOnce(username, password, address, digest);
        }).onFailure(Throttled.class).recoverWithUni(throttled -> refusedLater());
    }

    /**
     * Makes a remembered check again on a worker thread, once at a time per name: remembered anew when the password
     * still holds, forgotten when it does not (the next request then checks it in the foreground and is refused).
     */
    private void renew(String username, String password, String address, byte[] digest) {
        if (!renewing.add(username)) {
            return;
        }
        try {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    checkOnce(username, password, address, digest);
                } catch (AuthenticationFailedException | Throttled refused) {
                    // refused or throttled: check() has forgotten the remembered password
                } catch (RuntimeException e) {
                    LOG.warnf(e, "The remembered password check of %s was not made again", username);
                } finally {
                    renewing.remove(username);
                }
            });
        } catch (RuntimeException rejected) {
            renewing.remove(username); // no worker free: the check is made when the remembered one runs out
        }
    }

    /**
     * Checks a password, or waits for the same check already running: when the remembered credential of a busy API
     * client expires, all its requests in flight would each hash the password and each take a token of the sign-in
     * throttle until its check ends, and under load more checks than the throttle allows failures ran at once, so
     * that valid credentials were refused (401). The same name, password and address now make one check and share
     * its answer.
     */
    private SecurityIdentity checkOnce(String username, String password, String address, byte[] digest) {
        String key = username + '\0' + address + '\0' + HexFormat.of().formatHex(digest);
        CompletableFuture<SecurityIdentity> mine = new CompletableFuture<>();
        CompletableFuture<SecurityIdentity> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
        try {
            SecurityIdentity identity = check(username, password, address, digest);
            mine.complete(identity);
            return identity;
        } catch (Throwable e) {
            mine.completeExceptionally(e); // never leaves the others waiting
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    private SecurityIdentity check(String username, String password, String address, byte[] digest) {
        Instant at = clock.instant();
        UserService.SignIn signIn = users.signIn(username, password, address);
        if (signIn.result() == UserService.SignInResult.OK) {
            verified.put(username, new Verified(digest, at));
            return ViewerIdentity.of(signIn.viewer(), signIn.mustChangePassword());
        }
        verified.remove(username);
        throw signIn.result() == UserService.SignInResult.THROTTLED ? new Throttled()
                : new AuthenticationFailedException();
    }

    /** A refusal that did no work: answered after about the time a password check takes, off the worker threads. */
    private static Uni<SecurityIdentity> refusedLater() {
        long nanos = Passwords.checkTime().toNanos();
        Duration delay = Duration.ofNanos(nanos + ThreadLocalRandom.current().nextLong(nanos / 4 + 1));
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                .onItem().transformToUni(done -> Uni.createFrom().failure(new AuthenticationFailedException()));
    }

    private static final class Throttled extends RuntimeException {
        Throttled() {
            super(null, null, false, false);
        }
    }

    /** The client's address as the HTTP layer sees it (the forwarded one behind a trusted proxy). */
    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || routing.request().remoteAddress() == null) {
            return null;
        }
        return routing.request().remoteAddress().hostAddress();
    }

    private static byte[] digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SALT);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] result = sha.digest(password.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(result, result.length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
