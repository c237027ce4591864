package cn.keyaccount.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a username and password (form login and HTTP basic) against app_user. bcrypt is deliberately slow, so a
 * successful check is remembered for a minute for API clients that send their password with every request;
 * only a salted digest of the password is kept, never the password.
 */
@ApplicationScoped
class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Duration REMEMBER = Duration.ofMinutes(1);
    private static final byte[] SALT = new SecureRandom().generateSeed(16);

    private record Verified(byte[] digest, Viewer viewer, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final UserService users;

    DatabaseIdentityProvider(UserService users) {
        this.users = users;
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
        byte[] digest = digest(username, password);
        Verified known = verified.get(username);
        if (known != null && known.until().isAfter(Instant.now()) && MessageDigest.isEqual(known.digest(), digest)) {
            return Uni.createFrom().item(ViewerIdentity.of(known.viewer()));
        }
        return context.runBlocking(() -> {
            UserService.SignIn signIn = users.signIn(username, password);
            if (signIn.result() != UserService.SignInResult.OK) {
                verified.remove(username);
                throw new AuthenticationFailedException(signIn.result().name());
            }
            verified.put(username, new Verified(digest, signIn.viewer(), Instant.now().plus(REMEMBER)));
            return ViewerIdentity.of(signIn.viewer());
        });
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
